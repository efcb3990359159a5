package io.streamdesk.k8s;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.streamdesk.testing.KubernetesMockApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A CRD version's {@code openAPIV3Schema} from the operator-api jar as a JSON-schema validator, made as strict as the
 * API server's field validation: every object schema with {@code properties} and neither
 * {@code additionalProperties} nor {@code x-kubernetes-preserve-unknown-fields} gets {@code additionalProperties:
 * false}, since Kubernetes prunes (or, with strict validation, refuses) fields its structural schema does not know. A
 * misspelt field therefore fails here instead of silently vanishing. OpenAPI 3.0 schema objects are close to JSON
 * Schema draft 4; the {@code x-kubernetes-*} keywords are ignored.
 */
final class OperatorCrdSchema {
    private static final YAMLMapper YAML = new YAMLMapper();
    private final JsonNode schemaNode;
    private final Schema schema;

    private OperatorCrdSchema(JsonNode schemaNode) {
        this.schemaNode = schemaNode;
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schemaNode);
    }

    /** The schema of {@code version} (e.g. v1beta1) in {@code crdFile} of the operator-api jar. */
    static OperatorCrdSchema load(String crdFile, String version) throws IOException {
        JsonNode crd = YAML.readTree(KubernetesMockApi.operatorCrdYaml(crdFile));
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (version.equals(v.path("name").asString())) {
                JsonNode schema = v.path("schema").path("openAPIV3Schema").deepCopy();
                // the API server adds these to every resource's schema itself
                ObjectNode root = (ObjectNode) schema.path("properties");
                root.putObject("apiVersion").put("type", "string");
                root.putObject("kind").put("type", "string");
                root.putObject("metadata").put("type", "object");
                strict(schema);
                return new OperatorCrdSchema(schema);
            }
        }
        throw new IOException(crdFile + " has no version " + version);
    }

    /** The same schema with the enum at {@code path} (e.g. spec, flinkVersion) widened by {@code extra} values. */
    OperatorCrdSchema withEnumValues(List<String> path, String... extra) {
        JsonNode copy = schemaNode.deepCopy();
        JsonNode node = copy;
        for (String p : path) {
            node = node.path("properties").path(p);
        }
        ArrayNode values = (ArrayNode) node.get("enum");
        for (String v : extra) {
            values.add(v);
        }
        return new OperatorCrdSchema(copy);
    }

    /** The enum values at {@code path}. */
    List<String> enumValues(List<String> path) {
        JsonNode node = schemaNode;
        for (String p : path) {
            node = node.path("properties").path(p);
        }
        return node.path("enum").valueStream().map(JsonNode::asString).toList();
    }

    /** The problems of {@code resource} (a Map or a Jackson 2 / fabric8 value, serialised to JSON first). */
    List<String> problems(String resourceJson) {
        List<Error> errors = schema.validate(YAML.readTree(resourceJson));
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.has("properties") && !o.has("additionalProperties")
                    && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                o.put("additionalProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator(); it.hasNext(); ) {
                strict(it.next().getValue());
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode child : a) {
                strict(child);
            }
        }
    }
}
