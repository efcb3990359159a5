package io.streamdesk.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;

import java.io.IOException;
import java.net.InetAddress;

/**
 * A fabric8 port-forward from 127.0.0.1 to the JobManager's REST service ({@code <name>-rest}), as {@code kubectl
 * port-forward} does: the only listener the adapter opens, and on loopback only. {@link #ensure()} re-establishes it
 * when it broke (the pod behind the service was replaced, the connection to the API server dropped), on the same local
 * port when that port is still free, so the REST client built on it keeps working.
 *
 * <p>fabric8 forwards a service by picking one pod its selector matches; every connection to the local port then
 * opens a WebSocket to the API server's {@code pods/portforward}. Not thread-safe: the connection's probe thread owns
 * it.
 */
final class RestPortForward implements AutoCloseable {
    private final KubernetesClient client;
    private final String namespace;
    private final String service;
    private final int remotePort;
    private LocalPortForward forward;
    private int localPort;
    private int openings;
    private String lastProblem;

    RestPortForward(KubernetesClient client, String namespace, String service, int remotePort) {
        this.client = client;
        this.namespace = namespace;
        this.service = service;
        this.remotePort = remotePort;
    }

    /**
     * The local port, opening the forward first when there is none or the current one failed; throws
     * {@link IllegalStateException} with what went wrong (no such service, no pod behind it, the port is taken).
     */
    int ensure() {
        if (forward != null && forward.isAlive() && !forward.errorOccurred()) {
            return forward.getLocalPort();
        }
        if (forward != null) {
            lastProblem = describe(forward);
            closeQuietly();
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        LocalPortForward opened = null;
        RuntimeException first = null;
        if (localPort > 0) {
            try {
                opened = client.services().inNamespace(namespace).withName(service)
                        .portForward(remotePort, loopback, localPort);
            } catch (RuntimeException e) {
                first = e; // the old port is taken meanwhile: take any free one
            }
        }
        if (opened == null) {
            try {
                opened = client.services().inNamespace(namespace).withName(service).portForward(remotePort, loopback, 0);
            } catch (RuntimeException e) {
                lastProblem = "the port-forward to service " + namespace + "/" + service + " port " + remotePort
                        + " could not be opened: " + message(first != null ? first : e);
                throw new IllegalStateException(lastProblem, e);
            }
        }
        forward = opened;
        localPort = opened.getLocalPort();
        openings++;
        return localPort;
    }

    /** How often a forward was opened (1 at the first, +1 for each re-establishment). */
    int openings() {
        return openings;
    }

    /** The local address of the current forward, or null. */
    InetAddress localAddress() {
        return forward == null ? null : forward.getLocalAddress();
    }

    /** Why the previous forward was replaced or could not be opened, or null. */
    String lastProblem() {
        return lastProblem;
    }

    /** What the current forward's connections met (the API server refused the upgrade, the pod went away), or null. */
    String currentProblem() {
        return forward == null || !forward.errorOccurred() ? null : describe(forward);
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (forward != null) {
            try {
                forward.close();
            } catch (IOException | RuntimeException e) {
                // closing a broken forward: nothing left to free
            }
            forward = null;
        }
    }

    private static String describe(LocalPortForward f) {
        Throwable t = !f.getClientThrowables().isEmpty() ? f.getClientThrowables().iterator().next()
                : !f.getServerThrowables().isEmpty() ? f.getServerThrowables().iterator().next() : null;
        return t == null ? "the port-forward closed" : "the port-forward failed: " + message(t);
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
