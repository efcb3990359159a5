package io.streamdesk.testing;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/**
 * fabric8's KubernetesMockServer in CRUD mode on 127.0.0.1: it stores what clients create, answers gets, lists,
 * patches and watches like an API server, and runs no controllers (no kubelet, no scheduler). No real Kubernetes API
 * server can run on these machines (Debian ships only kubectl and etcd; the Maven test kits download binaries at run
 * time), so this is the closest faithful part.
 */
public final class KubernetesCrudMock implements AutoCloseable {
    private final KubernetesMockServer server;

    private KubernetesCrudMock(KubernetesMockServer server) {
        this.server = server;
    }

    public static KubernetesCrudMock start() {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(List.of()), false);
        try {
            server.init(InetAddress.getLoopbackAddress(), 0);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The Kubernetes mock server did not start", e);
        }
        return new KubernetesCrudMock(server);
    }

    /** A client of the mock (namespace "test" unless a call names one). */
    public NamespacedKubernetesClient client() {
        return server.createClient();
    }

    /** A client of the mock that says who it is in its User-Agent (so {@link #countRequestsByUserAgent} tells it apart). */
    public NamespacedKubernetesClient client(String userAgent) {
        io.fabric8.kubernetes.client.Config config = new io.fabric8.kubernetes.client.ConfigBuilder(
                server.createClient().getConfiguration()).withUserAgent(userAgent).build();
        return server.createClient(b -> b.withConfig(config));
    }

    /**
     * From now on, counts every request the mock answers by its User-Agent (a daemon thread drains the mock's record
     * of requests). Each HTTP request counts once; a watch counts when it is opened.
     */
    public java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> countRequestsByUserAgent() {
        java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> counts = new java.util.concurrent.ConcurrentHashMap<>();
        Thread drain = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    var request = server.takeRequest(1, java.util.concurrent.TimeUnit.SECONDS);
                    if (request != null) {
                        String ua = request.getHeader("User-Agent");
                        counts.computeIfAbsent(ua == null ? "(none)" : ua,
                                k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "kubernetes-mock-request-counter");
        drain.setDaemon(true);
        drain.start();
        return counts;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Requests the mock has answered so far (every list, watch, get, patch...). */
    public int requestCount() {
        return server.getRequestCount();
    }

    /** Writes a kubeconfig with one context {@code mock} pointing at this server (plain HTTP, a dummy token). */
    public Path writeKubeconfig(Path file, String namespace) {
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                users:
                - name: mock
                  user:
                    token: mock-token
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: mock
                    namespace: %s
                current-context: mock
                """.formatted(url(), namespace);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        server.destroy();
    }
}
