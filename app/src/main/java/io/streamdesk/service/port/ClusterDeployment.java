package io.streamdesk.service.port;

import io.streamdesk.model.cluster.KubernetesSpec;

import java.util.concurrent.CompletableFuture;

/**
 * A cluster whose deployment the app owns on an orchestrator (R3): a Kubernetes {@code FlinkDeployment} of the Flink
 * Kubernetes Operator. Each change is written to the resource and returns once the API server accepted it; the
 * operator then reconciles, and the connection's {@link ClusterConnection#state()} and
 * {@link ClusterConnection#sources()} show its lifecycle state and error until it settles.
 */
public interface ClusterDeployment {

    /** The spec the resource was last written with (or read back from the API server). */
    KubernetesSpec spec();

    /**
     * Scales the TaskManagers (R3: count and spec). Callers check that the new size is not below what running jobs
     * use. Fails with {@link IllegalArgumentException} naming the field when the spec is refused before sending.
     */
    CompletableFuture<Void> scaleTaskManagers(KubernetesSpec.Resources taskManager);

    /** Suspends the deployment ({@code spec.job} absent in session mode: the operator scales it to zero pods). */
    CompletableFuture<Void> suspend();

    /** Resumes a suspended deployment. */
    CompletableFuture<Void> resume();

    /** Deletes the FlinkDeployment (the operator removes its pods and services). */
    CompletableFuture<Void> delete();
}
