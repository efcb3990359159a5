package io.streamdesk.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.streamdesk.model.cluster.KubernetesSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code FlinkDeployment} resource (apiVersion {@code flink.apache.org/v1beta1}) the app writes for a
 * {@link KubernetesSpec}: a session cluster (no {@code spec.job}) of the Flink Kubernetes Operator, as a
 * {@link GenericKubernetesResource} so that no operator model classes (which pin fabric8 6 and know no Flink 2.x) are
 * needed.
 *
 * <p>What goes in: {@code image}, {@code flinkVersion} as the user typed it, {@code serviceAccount},
 * {@code mode: standalone}, {@code jobManager}/{@code taskManager} with {@code resource} (cpu, memory) and
 * {@code replicas}, {@code flinkConfiguration} ({@code taskmanager.numberOfTaskSlots}, {@code rest.port}, the
 * savepoint directory under both its Flink 1.x key {@code state.savepoints.dir}, which the operator reads, and its
 * Flink 2.x key {@code execution.checkpointing.savepoint-dir}, plus the user's entries) and a {@code podTemplate} with
 * {@code hostAliases} and {@code dnsConfig} (R4 DNS settings; the pod keeps its cluster DNS policy, so the name servers
 * are added to the cluster's, as forwarders).
 *
 * <p>Why standalone mode: in the operator's default (native) mode a session cluster's TaskManagers are started by
 * Flink's own resource manager on demand and {@code taskManager.replicas} is ignored; in standalone mode the operator
 * runs a TaskManager Deployment of exactly {@code replicas} pods, so "scale" (R3) means what the user sees.
 *
 * <p>{@code flinkVersion}: the operator-api 1.10.0 CRD's schema has an enum {@code v1_13 ... v1_20}. The app writes
 * the string as given (e.g. {@code v2_3}) and never narrows it to an enum of its own: an operator release whose CRD
 * knows Flink 2.x accepts it, and an API server with an older CRD refuses the create (HTTP 422, "Unsupported value")
 * with words the cluster's state shows as they are. The adapter's tests validate the resource against the exact 1.10.0
 * schema (with a 1.x version) and, for a 2.x version, against that schema with only this enum widened, so the one
 * known difference is named and nothing else slips through.
 *
 * <p>Labels: {@link #MANAGED_BY_LABEL}={@value #MANAGED_BY} marks the app's resources, {@link #CLUSTER_ID_LABEL} names
 * the registry's cluster it belongs to; a FlinkDeployment without them is not adopted.
 */
final class FlinkDeploymentResource {
    static final String GROUP = "flink.apache.org";
    static final String VERSION = "v1beta1";
    static final String API_VERSION = GROUP + "/" + VERSION;
    static final String KIND = "FlinkDeployment";
    static final ResourceDefinitionContext CONTEXT = new ResourceDefinitionContext.Builder()
            .withGroup(GROUP).withVersion(VERSION).withKind(KIND).withPlural("flinkdeployments").withNamespaced(true)
            .build();

    static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    static final String MANAGED_BY = "streamdesk";
    static final String CLUSTER_ID_LABEL = "streamdesk.io/cluster-id";
    /** Present while the app keeps the deployment suspended: the TaskManager count to resume with. */
    static final String SUSPENDED_ANNOTATION = "streamdesk.io/suspended-taskmanagers";

    static final String SLOTS = "taskmanager.numberOfTaskSlots";
    static final String REST_PORT = "rest.port";
    static final String SAVEPOINT_DIR_1X = "state.savepoints.dir";
    static final String SAVEPOINT_DIR_2X = "execution.checkpointing.savepoint-dir";
    static final int DEFAULT_REST_PORT = 8081;

    private FlinkDeploymentResource() {
    }

    /** The whole resource for {@code spec}, labelled as the app's for {@code clusterId}. */
    static GenericKubernetesResource build(String clusterId, KubernetesSpec spec, String savepointDirectory) {
        Objects.requireNonNull(clusterId, "clusterId");
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion(API_VERSION);
        r.setKind(KIND);
        ObjectMeta meta = new ObjectMetaBuilder().withName(spec.deploymentName()).withNamespace(spec.namespace())
                .addToLabels(MANAGED_BY_LABEL, MANAGED_BY).addToLabels(CLUSTER_ID_LABEL, clusterId).build();
        r.setMetadata(meta);
        r.setAdditionalProperty("spec", spec(spec, savepointDirectory));
        return r;
    }

    /** {@code spec} of the resource. */
    static Map<String, Object> spec(KubernetesSpec spec, String savepointDirectory) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("image", spec.image());
        s.put("flinkVersion", spec.flinkVersion());
        s.put("serviceAccount", spec.serviceAccount());
        s.put("mode", "standalone");
        s.put("flinkConfiguration", flinkConfiguration(spec, savepointDirectory));
        s.put("jobManager", role(spec.jobManager()));
        s.put("taskManager", role(spec.taskManager()));
        Map<String, Object> pod = podTemplate(spec);
        if (pod != null) {
            s.put("podTemplate", pod);
        }
        return s;
    }

    /** The REST port the JobManager listens on: the user's {@code rest.port}, else Flink's 8081. */
    static int restPort(KubernetesSpec spec) {
        String port = spec.flinkConfiguration().get(REST_PORT);
        if (port == null) {
            return DEFAULT_REST_PORT;
        }
        try {
            int p = Integer.parseInt(port.strip());
            if (p < 1 || p > 65_535) {
                throw new IllegalArgumentException("Flink configuration: rest.port " + p + " is not a port (1-65535).");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Flink configuration: rest.port '" + port + "' is not a port number.");
        }
    }

    /** {@code spec.taskManager} for new TaskManager resources (a merge patch keeps the rest). */
    static Map<String, Object> role(KubernetesSpec.Resources resources) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("cpu", resources.cpu());
        resource.put("memory", resources.memory());
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("resource", resource);
        role.put("replicas", resources.replicas());
        return role;
    }

    private static Map<String, String> flinkConfiguration(KubernetesSpec spec, String savepointDirectory) {
        Map<String, String> conf = new LinkedHashMap<>(spec.flinkConfiguration());
        conf.put(SLOTS, Integer.toString(spec.taskSlots()));
        conf.put(REST_PORT, Integer.toString(restPort(spec)));
        if (savepointDirectory != null) {
            conf.put(SAVEPOINT_DIR_1X, savepointDirectory);
            conf.put(SAVEPOINT_DIR_2X, savepointDirectory);
        }
        return conf;
    }

    private static Map<String, Object> podTemplate(KubernetesSpec spec) {
        if (spec.hostAliases().isEmpty() && spec.dns().isEmpty()) {
            return null;
        }
        Map<String, Object> podSpec = new LinkedHashMap<>();
        if (!spec.hostAliases().isEmpty()) {
            List<Map<String, Object>> aliases = new ArrayList<>();
            for (KubernetesSpec.HostAlias a : spec.hostAliases()) {
                Map<String, Object> alias = new LinkedHashMap<>();
                alias.put("ip", a.ip());
                alias.put("hostnames", List.copyOf(a.hostnames()));
                aliases.add(alias);
            }
            podSpec.put("hostAliases", aliases);
        }
        if (!spec.dns().isEmpty()) {
            Map<String, Object> dns = new LinkedHashMap<>();
            if (!spec.dns().nameservers().isEmpty()) {
                dns.put("nameservers", List.copyOf(spec.dns().nameservers()));
            }
            if (!spec.dns().searches().isEmpty()) {
                dns.put("searches", List.copyOf(spec.dns().searches()));
            }
            podSpec.put("dnsConfig", dns);
        }
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.put("spec", podSpec);
        return pod;
    }

    /** Whether {@code r} carries the app's labels for {@code clusterId}. */
    static boolean ownedBy(GenericKubernetesResource r, String clusterId) {
        Map<String, String> labels = r.getMetadata() == null ? null : r.getMetadata().getLabels();
        return labels != null && MANAGED_BY.equals(labels.get(MANAGED_BY_LABEL))
                && clusterId.equals(labels.get(CLUSTER_ID_LABEL));
    }

    /** Who owns {@code r} as its labels say, for a refusal: "StreamDesk cluster X", "nobody known". */
    static String owner(GenericKubernetesResource r) {
        Map<String, String> labels = r.getMetadata() == null || r.getMetadata().getLabels() == null ? Map.of()
                : r.getMetadata().getLabels();
        if (MANAGED_BY.equals(labels.get(MANAGED_BY_LABEL))) {
            return "another StreamDesk cluster (" + labels.get(CLUSTER_ID_LABEL) + ")";
        }
        String managedBy = labels.get(MANAGED_BY_LABEL);
        return managedBy == null ? "someone else (it has no " + MANAGED_BY_LABEL + " label)" : "'" + managedBy + "'";
    }

    /** The TaskManager count kept while suspended, or -1 when not suspended. */
    static int suspendedTaskManagers(GenericKubernetesResource r) {
        Map<String, String> annotations = r.getMetadata() == null ? null : r.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(SUSPENDED_ANNOTATION);
        if (value == null) {
            return -1;
        }
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
