package io.streamdesk.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Plays the kubelet for the connectivity test pods ({@link InClusterConnectivityPod}) in fabric8's CRUD mock API
 * server, which has no kubelet (and no real API server or kubelet can run on these machines, see
 * {@link io.streamdesk.testing.KubernetesMockApi}): for each test pod created it writes the status a kubelet would
 * after running the pod's script: the container terminated with the exit code and the termination message the script
 * would have written (what the test chooses from the pod), or a waiting state (an image that cannot be pulled), or
 * nothing at all (a pod that never starts). It remembers every test pod it saw created, as created.
 */
final class ConnectivityPodKubelet implements AutoCloseable {

    /** What the "kubelet" writes for a pod: terminated (exit code, message), waiting (reason), or nothing. */
    record Outcome(Integer exitCode, String message, String waitingReason, String podFailedReason) {
        Outcome(Integer exitCode, String message, String waitingReason) {
            this(exitCode, message, waitingReason, null);
        }

        /** The pod failed as a whole (e.g. DeadlineExceeded) with no container state written. */
        static Outcome podFailed(String reason, String message) {
            return new Outcome(null, message, null, reason);
        }

        static Outcome ended(int exitCode, String terminationMessage) {
            return new Outcome(exitCode, terminationMessage, null);
        }

        static Outcome waiting(String reason, String message) {
            return new Outcome(null, message, reason);
        }

        static Outcome neverStarts() {
            return new Outcome(null, null, null);
        }
    }

    private final KubernetesClient client;
    private final String namespace;
    private final Function<Pod, Outcome> outcomes;
    private final SharedIndexInformer<Pod> informer;
    final List<Pod> created = new CopyOnWriteArrayList<>();

    ConnectivityPodKubelet(KubernetesClient client, String namespace, Function<Pod, Outcome> outcomes) {
        this.client = client;
        this.namespace = namespace;
        this.outcomes = outcomes;
        this.informer = client.pods().inNamespace(namespace)
                .withLabel(InClusterConnectivityPod.PURPOSE_LABEL, InClusterConnectivityPod.PURPOSE)
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Pod pod) {
                        created.add(pod);
                        run(pod);
                    }

                    @Override
                    public void onUpdate(Pod before, Pod after) {
                    }

                    @Override
                    public void onDelete(Pod pod, boolean finalStateUnknown) {
                    }
                }, 0);
    }

    private void run(Pod pod) {
        Outcome o = outcomes.apply(pod);
        if (o.exitCode() == null && o.waitingReason() == null && o.podFailedReason() == null) {
            return;
        }
        if (o.podFailedReason() != null) {
            Pod failed = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).get();
            failed.setStatus(new PodStatusBuilder().withPhase("Failed").withReason(o.podFailedReason())
                    .withMessage(o.message()).build());
            client.pods().inNamespace(namespace).resource(failed).updateStatus();
            return;
        }
        var container = new ContainerStatusBuilder().withName(InClusterConnectivityPod.CONTAINER)
                .withImage(pod.getSpec().getContainers().get(0).getImage()).withReady(false).withRestartCount(0);
        String phase;
        if (o.exitCode() != null) {
            phase = o.exitCode() == 0 ? "Succeeded" : "Failed";
            container.withNewState().withNewTerminated().withExitCode(o.exitCode()).withMessage(o.message())
                    .withReason(o.exitCode() == 0 ? "Completed" : "Error").endTerminated().endState();
        } else {
            phase = "Pending";
            container.withNewState().withNewWaiting().withReason(o.waitingReason()).withMessage(o.message())
                    .endWaiting().endState();
        }
        Pod withStatus = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).get();
        if (withStatus == null) {
            return;
        }
        withStatus.getSpec().setNodeName("node-1");
        withStatus.setStatus(new PodStatusBuilder().withPhase(phase).withContainerStatuses(container.build()).build());
        client.pods().inNamespace(namespace).resource(withStatus).updateStatus();
    }

    /** The pod's arguments after {@code bash -c SCRIPT $0}: host and port. */
    static List<String> hostAndPort(Pod pod) {
        List<String> command = pod.getSpec().getContainers().get(0).getCommand();
        return command.subList(4, command.size());
    }

    @Override
    public void close() {
        informer.close();
    }
}
