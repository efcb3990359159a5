package io.streamdesk.testing;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * Stands in for the controllers and the kubelet that fabric8's mock API server does not have: every Deployment
 * created in the namespace gets one running pod with the Deployment's template labels (so Flink's
 * {@code app}/{@code component} labels are on it) and a status that says all its replicas are ready and available,
 * as a kubelet and the deployment controller would write it. Without a status the Flink Kubernetes Operator 1.7.0
 * never takes the JobManager deployment past DEPLOYING (the mock returns {@code status: null}).
 */
public final class MockKubelet implements AutoCloseable {
    private final KubernetesClient client;
    private final String namespace;
    private final SharedIndexInformer<Deployment> informer;

    private MockKubelet(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
        this.informer = client.apps().deployments().inNamespace(namespace).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Deployment d) {
                makeReady(d);
            }

            @Override
            public void onUpdate(Deployment before, Deployment after) {
                makeReady(after);
            }

            @Override
            public void onDelete(Deployment d, boolean finalStateUnknown) {
                String app = d.getSpec().getTemplate().getMetadata().getLabels().get("app");
                if (app != null) {
                    client.pods().inNamespace(namespace).withLabels(templateLabels(d)).delete();
                }
            }
        }, 0);
    }

    public static MockKubelet start(KubernetesClient client, String namespace) {
        return new MockKubelet(client, namespace);
    }

    private void makeReady(Deployment d) {
        int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        var s = d.getStatus();
        if (s != null && Objects.equals(s.getAvailableReplicas(), replicas)
                && Objects.equals(s.getObservedGeneration(), d.getMetadata().getGeneration())) {
            return;
        }
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String podName = d.getMetadata().getName() + "-" + Integer.toHexString(d.getMetadata().getUid().hashCode());
        if (replicas > 0 && client.pods().inNamespace(namespace).withName(podName).get() == null) {
            Pod pod = new PodBuilder().withNewMetadata().withName(podName).withNamespace(namespace)
                    .withLabels(templateLabels(d)).endMetadata()
                    .withSpec(d.getSpec().getTemplate().getSpec()).build();
            pod = client.pods().inNamespace(namespace).resource(pod).create();
            pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running")
                    .withPodIP("127.0.0.1").withContainerStatuses(pod.getSpec().getContainers().stream()
                            .map(c -> new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
                                    .withReady(true).withRestartCount(0).withNewState().withNewRunning()
                                    .withStartedAt(now).endRunning().endState().build()).toList()).build());
            client.pods().inNamespace(namespace).resource(pod).updateStatus();
        }
        var status = new DeploymentStatusBuilder().withReplicas(replicas).withReadyReplicas(replicas)
                .withAvailableReplicas(replicas).withUpdatedReplicas(replicas)
                .withObservedGeneration(d.getMetadata().getGeneration())
                .withConditions(new DeploymentConditionBuilder().withType("Available").withStatus("True")
                                .withReason("MinimumReplicasAvailable").withLastUpdateTime(now)
                                .withLastTransitionTime(now).build(),
                        new DeploymentConditionBuilder().withType("Progressing").withStatus("True")
                                .withReason("NewReplicaSetAvailable").withLastUpdateTime(now)
                                .withLastTransitionTime(now).build()).build();
        try {
            // a patch, not a replace: the operator may have changed the Deployment since this event
            client.apps().deployments().inNamespace(namespace).withName(d.getMetadata().getName())
                    .editStatus(current -> {
                        current.setStatus(status);
                        return current;
                    });
        } catch (RuntimeException e) {
            System.err.println("MockKubelet: could not mark " + d.getMetadata().getName() + " ready: " + e);
        }
    }

    private static Map<String, String> templateLabels(Deployment d) {
        return d.getSpec().getTemplate().getMetadata().getLabels();
    }

    @Override
    public void close() {
        informer.close();
    }
}
