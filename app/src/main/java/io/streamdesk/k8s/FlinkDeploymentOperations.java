package io.streamdesk.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.service.port.ClusterDeployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The app's writes to its FlinkDeployment (R3): create or adopt, scale, suspend, resume, delete. Each runs on the
 * connection's probe thread (so a write and the next status read are ordered), checks first that the resource carries
 * this cluster's labels, and completes its future once the API server accepted it; the operator then reconciles and the
 * connection's state shows it.
 *
 * <p>Suspend in session mode: the operator's {@code spec.job.state: suspended} exists only for application
 * deployments (a session deployment has no {@code spec.job}), and the 1.10 CRD offers nothing else. The app therefore
 * suspends by scaling the TaskManagers to zero ({@code spec.taskManager.replicas: 0}, which the standalone mode honours)
 * and keeps the count to resume with in the {@value FlinkDeploymentResource#SUSPENDED_ANNOTATION} annotation, so the
 * suspension survives an app restart and is seen by every desktop. The JobManager keeps running: the session's REST
 * API, its job history and the savepoint paths stay reachable, at the cost of one JobManager pod. Deleting the resource
 * instead would free that pod too, but lose the operator's history and make "suspended" indistinguishable from
 * "deleted by someone". Callers stop the jobs (with savepoints) before suspending, as before stopping any cluster.
 */
final class FlinkDeploymentOperations implements ClusterDeployment {
    private final ClusterDefinition definition;
    private final KubernetesClient client;
    private final Executor executor;
    private final Runnable afterWrite;
    private volatile KubernetesSpec spec;
    private volatile boolean ensureAsked;
    private volatile boolean deleted;

    FlinkDeploymentOperations(ClusterDefinition definition, KubernetesClient client, Executor executor,
                              Runnable afterWrite) {
        this.definition = definition;
        this.client = client;
        this.executor = executor;
        this.afterWrite = afterWrite;
        this.spec = definition.kubernetes();
    }

    @Override
    public KubernetesSpec spec() {
        return spec;
    }

    Resource<GenericKubernetesResource> handle() {
        KubernetesSpec s = definition.kubernetes();
        return client.genericKubernetesResources(FlinkDeploymentResource.CONTEXT).inNamespace(s.namespace())
                .withName(s.deploymentName());
    }

    void ensureOnNextProbe() {
        ensureAsked = true;
    }

    boolean deleted() {
        return deleted;
    }

    /**
     * On the probe thread after {@link #ensureOnNextProbe()}: creates the FlinkDeployment when absent; adopts this
     * app's own one (its spec is written again, so an edited definition takes effect, a suspension is kept); refuses
     * anyone else's with {@link NotOwnedException}.
     */
    void ensureIfAsked() {
        if (!ensureAsked) {
            return;
        }
        Resource<GenericKubernetesResource> handle = handle();
        GenericKubernetesResource existing = handle.get();
        KubernetesSpec s = definition.kubernetes();
        if (existing == null) {
            client.genericKubernetesResources(FlinkDeploymentResource.CONTEXT).inNamespace(s.namespace())
                    .resource(FlinkDeploymentResource.build(definition.id(), s, definition.savepointDirectory())).create();
        } else if (!FlinkDeploymentResource.ownedBy(existing, definition.id())) {
            ensureAsked = false;
            throw new NotOwnedException(notOwned(s, existing));
        } else {
            Map<String, Object> wanted = FlinkDeploymentResource.spec(s, definition.savepointDirectory());
            int suspendedWith = FlinkDeploymentResource.suspendedTaskManagers(existing);
            if (suspendedWith >= 0) {
                ((Map<String, Object>) wanted.get("taskManager")).put("replicas", 0);
            }
            if (!wanted.equals(normalised(existing.getAdditionalProperties().get("spec")))) {
                handle.edit(r -> {
                    r.setAdditionalProperty("spec", wanted);
                    return r;
                });
            }
        }
        deleted = false;
        ensureAsked = false;
    }

    @Override
    public CompletableFuture<Void> scaleTaskManagers(KubernetesSpec.Resources taskManager) {
        KubernetesSpec next = spec.withTaskManager(taskManager);
        List<String> problems = next.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0));
        }
        return write("Scaling the TaskManagers of", resource -> {
            Map<String, Object> role = FlinkDeploymentResource.role(taskManager);
            Map<String, Object> patch = new LinkedHashMap<>();
            int suspendedWith = FlinkDeploymentResource.suspendedTaskManagers(resource);
            if (suspendedWith >= 0) {
                role.put("replicas", 0); // stays suspended; resumes with the new count
                patch.put("metadata", Map.of("annotations", Map.of(FlinkDeploymentResource.SUSPENDED_ANNOTATION,
                        Integer.toString(taskManager.replicas()))));
            }
            patch.put("spec", Map.of("taskManager", role));
            mergePatch(patch);
            spec = next;
        });
    }

    @Override
    public CompletableFuture<Void> suspend() {
        return write("Suspending", resource -> {
            if (FlinkDeploymentResource.suspendedTaskManagers(resource) >= 0) {
                return;
            }
            int replicas = taskManagerReplicas(resource, spec.taskManager().replicas());
            mergePatch(Map.of("metadata", Map.of("annotations", Map.of(FlinkDeploymentResource.SUSPENDED_ANNOTATION,
                            Integer.toString(replicas))),
                    "spec", Map.of("taskManager", Map.of("replicas", 0))));
        });
    }

    @Override
    public CompletableFuture<Void> resume() {
        return write("Resuming", resource -> {
            int replicas = FlinkDeploymentResource.suspendedTaskManagers(resource);
            if (replicas < 0) {
                return;
            }
            // a JSON patch, not a merge patch with null: "remove" says what it means to every API server
            String annotation = "/metadata/annotations/" + FlinkDeploymentResource.SUSPENDED_ANNOTATION
                    .replace("~", "~0").replace("/", "~1");
            String patch = client.getKubernetesSerialization().asJson(List.of(
                    Map.of("op", "remove", "path", annotation),
                    Map.of("op", "add", "path", "/spec/taskManager/replicas", "value", replicas)));
            handle().patch(PatchContext.of(PatchType.JSON), patch);
        });
    }

    @Override
    public CompletableFuture<Void> delete() {
        return write("Deleting", resource -> {
            handle().delete();
            deleted = true;
        });
    }

    private CompletableFuture<Void> write(String what, java.util.function.Consumer<GenericKubernetesResource> change) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        KubernetesSpec s = definition.kubernetes();
        String name = s.namespace() + "/" + s.deploymentName();
        try {
            executor.execute(() -> {
                try {
                    GenericKubernetesResource resource = handle().get();
                    if (resource == null) {
                        throw new IllegalStateException(what + " the FlinkDeployment " + name
                                + " failed: it does not exist.");
                    }
                    if (!FlinkDeploymentResource.ownedBy(resource, definition.id())) {
                        throw new NotOwnedException(notOwned(s, resource));
                    }
                    change.accept(resource);
                    done.complete(null);
                    afterWrite.run();
                } catch (KubernetesClientException e) {
                    done.completeExceptionally(new IllegalStateException(what + " the FlinkDeployment " + name
                            + " failed: " + describe(e), e));
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException("The connection to " + definition.name()
                    + " was closed."));
        }
        return done;
    }

    private void mergePatch(Map<String, Object> patch) {
        handle().patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization().asJson(patch));
    }

    private static int taskManagerReplicas(GenericKubernetesResource r, int fallback) {
        Object replicas = r.get("spec", "taskManager", "replicas");
        return replicas instanceof Number n ? n.intValue() : fallback;
    }

    /** The spec as read back (JSON numbers as Integer/Double) in the form {@link FlinkDeploymentResource#spec} makes. */
    private Object normalised(Object spec) {
        if (spec == null) {
            return null;
        }
        return client.getKubernetesSerialization().unmarshal(client.getKubernetesSerialization().asJson(spec), Map.class);
    }

    static String notOwned(KubernetesSpec s, GenericKubernetesResource r) {
        return "The FlinkDeployment " + s.namespace() + "/" + s.deploymentName() + " exists and belongs to "
                + FlinkDeploymentResource.owner(r) + "; StreamDesk does not change or adopt it. Choose another "
                + "deployment name, or delete that one first.";
    }

    /** The API server's answer in a sentence: its code and message (403: the context's user may not). */
    static String describe(KubernetesClientException e) {
        Status status = e.getStatus();
        String message = status != null && status.getMessage() != null ? status.getMessage() : e.getMessage();
        int code = e.getCode();
        if (code <= 0) { // no HTTP answer at all: say what the network said, not fabric8's "Operation: [get] ..."
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                    : root.getMessage();
            return "does not answer (" + why + ")";
        }
        String hint = switch (code) {
            case 401 -> " (the kubeconfig's credentials were refused)";
            case 403 -> " (the context's user may not do this: ask for RBAC rights on flinkdeployments.flink.apache.org)";
            case 404 -> " (is the Flink Kubernetes Operator's CRD installed?)";
            case 422 -> " (the operator's CRD refused the settings)";
            default -> "";
        };
        return "answered HTTP " + code + ": " + message + hint;
    }

    /** A FlinkDeployment with this name exists but is not this cluster's. */
    static final class NotOwnedException extends RuntimeException {
        NotOwnedException(String message) {
            super(message);
        }
    }
}
