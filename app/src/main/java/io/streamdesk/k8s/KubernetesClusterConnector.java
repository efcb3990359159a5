package io.streamdesk.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.ClusterConnector;
import io.streamdesk.service.port.RestGatewayFactory;

import java.time.Duration;
import java.util.Objects;

/**
 * Connects registered Kubernetes clusters (R3): a session-mode FlinkDeployment of the Flink Kubernetes Operator in a
 * kubeconfig context and namespace. Connecting reads the kubeconfig (a missing file or context is refused here, with
 * its name); nothing talks to the API server until the connection is started.
 */
public final class KubernetesClusterConnector implements ClusterConnector {
    private final RestGatewayFactory gateways;
    private final Duration probeInterval;

    /** @param gateways the Flink REST client to reach the JobManager with (the app passes the Flink adapter's) */
    public KubernetesClusterConnector(RestGatewayFactory gateways) {
        this(gateways, KubernetesClusterConnection.DEFAULT_PROBE_INTERVAL);
    }

    /** @param probeInterval how often a connection reads the FlinkDeployment's status and probes Flink REST */
    public KubernetesClusterConnector(RestGatewayFactory gateways, Duration probeInterval) {
        this.gateways = Objects.requireNonNull(gateways, "gateways");
        this.probeInterval = Objects.requireNonNull(probeInterval, "probeInterval");
    }

    @Override
    public boolean handles(ClusterDefinition definition) {
        return definition.kind() == ClusterKind.KUBERNETES;
    }

    @Override
    public KubernetesClusterConnection connect(ClusterDefinition definition, SecretReader secrets) {
        if (!handles(definition)) {
            throw new IllegalArgumentException("Not a Kubernetes cluster: " + definition.name() + " is "
                    + definition.kind());
        }
        FlinkDeploymentResource.restPort(definition.kubernetes()); // a bad rest.port is refused before any client
        KubernetesClient client = KubernetesClients.open(definition.kubernetes());
        try {
            return new KubernetesClusterConnection(definition, client, gateways, probeInterval);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }
}
