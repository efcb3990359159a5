package io.streamdesk.service.port;

import io.streamdesk.model.cluster.ConnectivityReport;

/**
 * The connectivity test (R4) of a host[:port] run where the cluster's jobs run, not on this desktop: on Kubernetes a
 * short-lived pod in the cluster's namespace with the cluster's image and its pod template's DNS settings (host
 * aliases, {@code dnsConfig}), so a host that only the cluster's network or DNS settings can reach is tested as the
 * jobs see it. Offered by {@link ClusterConnection#inClusterProbe()}.
 */
public interface InClusterProbe {

    /**
     * Resolves {@code host} and, when {@code port} is above 0, connects to it, from inside the cluster; blocks until
     * the test ended or its bound passed (tens of seconds at most) and never throws for what the cluster said: a pod
     * the API refused, an image never pulled or a timeout are failed steps of the report.
     *
     * @param host     a host name or IP address, already checked by the caller (the adapter checks it again)
     * @param port     1-65535, or 0 to resolve only
     * @param tlsAsked the user asked for a TLS handshake too (the report says whether it could be tried)
     * @throws IllegalArgumentException when {@code host} or {@code port} is not one, before anything is created
     */
    ConnectivityReport testHost(String host, int port, boolean tlsAsked);
}
