package io.streamdesk.service.port;

import io.streamdesk.model.cluster.RemoteEndpoint;

import java.time.Duration;

/**
 * Makes the gateway to a Flink REST API at an endpoint: how an adapter that finds a JobManager by other means (the
 * Kubernetes adapter: a port-forward or a URL override) reaches it through the same REST client as every other
 * cluster, without depending on the Flink adapter. The app wires the Flink adapter's client in.
 */
@FunctionalInterface
public interface RestGatewayFactory {
    /**
     * @param password basic auth password, or null; never logged
     * @throws IllegalArgumentException with a user-facing message when the endpoint's TLS files cannot be used
     */
    ClusterGateway open(RemoteEndpoint endpoint, String password, Duration connectTimeout, Duration requestTimeout);
}
