package io.streamdesk.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A Kubernetes control plane for the Flink Kubernetes Operator integration test, from the parts that can run here:
 * fabric8's mock API server in CRUD mode on 127.0.0.1 (no real API server can run on these machines) with the
 * operator's real CRDs (from flink-kubernetes-operator-api 1.10.0) loaded, a kubeconfig pointing at it, the
 * {@link MockKubelet} that makes Deployments ready, and the REAL operator in its own JVM ({@link FlinkOperatorProcess}).
 * Start it once per test class; {@link #close()} ends everything in reverse order.
 */
public final class FlinkOperatorHarness implements AutoCloseable {
    /** The operator's CRDs: FlinkDeployment, FlinkSessionJob, FlinkStateSnapshot. */
    static final List<String> CRDS = List.of("flinkdeployments.flink.apache.org-v1.yml",
            "flinksessionjobs.flink.apache.org-v1.yml", "flinkstatesnapshots.flink.apache.org-v1.yml");

    /** The User-Agent of the harness's own client (the kubelet's and the test's calls). */
    public static final String TEST_USER_AGENT = "streamdesk-test-harness";

    private final KubernetesCrudMock mock;
    private final KubernetesClient client;
    private final Path kubeconfig;
    private MockKubelet kubelet;
    private FlinkOperatorProcess operator;

    private FlinkOperatorHarness(KubernetesCrudMock mock, Path kubeconfig) {
        this.mock = mock;
        this.client = mock.client(TEST_USER_AGENT);
        this.kubeconfig = kubeconfig;
    }

    public static FlinkOperatorHarness start(Path dir, String namespace) throws IOException {
        FlinkOperatorHarness h = new FlinkOperatorHarness(KubernetesCrudMock.start(),
                null == dir ? null : dir.resolve("kubeconfig"));
        try {
            h.mock.writeKubeconfig(h.kubeconfig, namespace);
            h.loadCrds();
            h.client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                    .withName(namespace).endMetadata().build()).create();
            h.kubelet = MockKubelet.start(h.client, namespace);
            h.operator = FlinkOperatorProcess.start(dir, h.kubeconfig, namespace);
            h.operator.awaitControllerStarted(java.time.Duration.ofSeconds(90));
            return h;
        } catch (IOException | RuntimeException e) {
            h.close();
            throw e;
        }
    }

    /**
     * Loads the CRDs from the operator-api jar the build copies as a file into {@code sd.operatorCrds} (it is never on
     * the class path: its model pins fabric8 6), else from the test class path.
     */
    private void loadCrds() throws IOException {
        for (String name : CRDS) {
            try (InputStream in = crd(name)) {
                CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
                client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
            }
        }
    }

    private static InputStream crd(String name) throws IOException {
        String dir = System.getProperty("sd.operatorCrds");
        if (dir != null && java.nio.file.Files.isDirectory(Path.of(dir))) {
            try (var jars = java.nio.file.Files.list(Path.of(dir))) {
                Path jar = jars.filter(p -> p.getFileName().toString().startsWith("flink-kubernetes-operator-api"))
                        .findFirst().orElse(null);
                if (jar != null) {
                    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                        var entry = zip.getEntry("META-INF/fabric8/" + name);
                        if (entry != null) {
                            return new java.io.ByteArrayInputStream(zip.getInputStream(entry).readAllBytes());
                        }
                    }
                }
            }
        }
        InputStream in = FlinkOperatorHarness.class.getResourceAsStream("/META-INF/fabric8/" + name);
        if (in == null) {
            throw new IllegalStateException("CRD " + name + " not found: neither the operator-api jar in"
                    + " sd.operatorCrds (" + dir + ") nor the test class path has it");
        }
        return in;
    }

    /** A client of the mock API server (the test's view of the cluster). */
    public KubernetesClient client() {
        return client;
    }

    public KubernetesCrudMock mock() {
        return mock;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public FlinkOperatorProcess operator() {
        return operator;
    }

    @Override
    public void close() {
        if (operator != null) {
            operator.close();
        }
        if (kubelet != null) {
            kubelet.close();
        }
        client.close();
        mock.close();
    }
}
