package io.streamdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.service.port.StoreException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code cluster.kubernetes_spec} document (V18): a {@link KubernetesSpec} as JSON, written field by field (not by
 * reflection) so that renaming a Java field never silently changes what the database holds. {@code format} is 1;
 * a reader meeting a newer format refuses it rather than dropping what it does not know.
 */
final class KubernetesSpecJson {
    static final int FORMAT = 1;
    /** The column's size (V18). */
    static final int MAX_CHARS = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private KubernetesSpecJson() {
    }

    static String write(KubernetesSpec s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        putNullable(root, "kubeconfig", s.kubeconfig() == null ? null : s.kubeconfig().toString());
        putNullable(root, "context", s.context());
        root.put("namespace", s.namespace());
        root.put("deploymentName", s.deploymentName());
        root.put("image", s.image());
        root.put("flinkVersion", s.flinkVersion());
        root.put("serviceAccount", s.serviceAccount());
        root.set("jobManager", resources(s.jobManager()));
        root.set("taskManager", resources(s.taskManager()));
        root.put("taskSlots", s.taskSlots());
        ObjectNode conf = root.putObject("flinkConfiguration");
        s.flinkConfiguration().forEach(conf::put);
        ArrayNode aliases = root.putArray("hostAliases");
        for (KubernetesSpec.HostAlias a : s.hostAliases()) {
            ObjectNode alias = aliases.addObject();
            alias.put("ip", a.ip());
            ArrayNode names = alias.putArray("hostnames");
            a.hostnames().forEach(names::add);
        }
        ObjectNode dns = root.putObject("dns");
        s.dns().nameservers().forEach(dns.putArray("nameservers")::add);
        s.dns().searches().forEach(dns.putArray("searches")::add);
        String text = root.toString();
        return Limits.bounded(text, "Kubernetes settings", MAX_CHARS);
    }

    static KubernetesSpec read(String text, String clusterId) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StoreException("The Kubernetes settings of cluster " + clusterId + " are not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
        int format = root.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new StoreException("The Kubernetes settings of cluster " + clusterId + " have format " + format
                    + "; this StreamDesk reads format " + FORMAT + " (a newer version wrote them?)");
        }
        Map<String, String> conf = new LinkedHashMap<>();
        root.path("flinkConfiguration").fields().forEachRemaining(e -> conf.put(e.getKey(), e.getValue().asText()));
        List<KubernetesSpec.HostAlias> aliases = new ArrayList<>();
        for (JsonNode a : root.path("hostAliases")) {
            aliases.add(new KubernetesSpec.HostAlias(text(a, "ip"), strings(a.path("hostnames"))));
        }
        JsonNode dns = root.path("dns");
        String kubeconfig = text(root, "kubeconfig");
        return new KubernetesSpec(kubeconfig == null ? null : Path.of(kubeconfig), text(root, "context"),
                text(root, "namespace"), text(root, "deploymentName"), text(root, "image"), text(root, "flinkVersion"),
                text(root, "serviceAccount"), resources(root.path("jobManager")), resources(root.path("taskManager")),
                root.path("taskSlots").asInt(1), conf, aliases,
                new KubernetesSpec.DnsSettings(strings(dns.path("nameservers")), strings(dns.path("searches"))));
    }

    private static ObjectNode resources(KubernetesSpec.Resources r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("cpu", r.cpu());
        node.put("memory", r.memory());
        node.put("replicas", r.replicas());
        return node;
    }

    private static KubernetesSpec.Resources resources(JsonNode node) {
        return new KubernetesSpec.Resources(node.path("cpu").asDouble(), text(node, "memory"),
                node.path("replicas").asInt());
    }

    private static void putNullable(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }
}
