package io.streamdesk.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * fabric8's {@link KubernetesMockServer} in CRUD mode on 127.0.0.1, with the Flink Kubernetes Operator's real CRDs
 * (from the operator-api 1.10.0 jar that the build copies to {@code sd.operatorCrds}) created in it, and a kubeconfig
 * file pointing at it. It stands in for a Kubernetes API server because no real one can run on these machines: Debian
 * ships only clients (kubectl) and etcd, and the Maven test kits (kube-api-test, jenvtest) download the API server
 * binaries at run time, which fails offline. What the mock cannot show: admission and CRD schema validation (the
 * adapter's tests validate against the CRD schema themselves), controllers (no operator unless a test runs one, no
 * kubelet: Deployments never get ready by themselves) and port-forwarding (it does not answer the WebSocket upgrade of
 * {@code pods/portforward}).
 */
public final class KubernetesMockApi implements AutoCloseable {
    public static final String FLINK_DEPLOYMENTS_CRD = "flinkdeployments.flink.apache.org-v1.yml";
    public static final String FLINK_SESSION_JOBS_CRD = "flinksessionjobs.flink.apache.org-v1.yml";
    public static final ResourceDefinitionContext FLINK_DEPLOYMENTS = new ResourceDefinitionContext.Builder()
            .withGroup("flink.apache.org").withVersion("v1beta1").withKind("FlinkDeployment")
            .withPlural("flinkdeployments").withNamespaced(true).build();

    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient client;

    private KubernetesMockApi() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
    }

    /** A started mock with the FlinkDeployment and FlinkSessionJob CRDs of operator-api 1.10.0. */
    public static KubernetesMockApi start() {
        KubernetesMockApi api = new KubernetesMockApi();
        try {
            for (String crd : new String[]{FLINK_DEPLOYMENTS_CRD, FLINK_SESSION_JOBS_CRD}) {
                try (InputStream in = new java.io.ByteArrayInputStream(operatorCrdYaml(crd))) {
                    CustomResourceDefinition definition = api.client.getKubernetesSerialization()
                            .unmarshal(in, CustomResourceDefinition.class);
                    api.client.apiextensions().v1().customResourceDefinitions().resource(definition).create();
                }
            }
        } catch (IOException | RuntimeException e) {
            api.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return api;
    }

    /** The bytes of {@code META-INF/fabric8/<name>} in the operator-api jar. */
    public static byte[] operatorCrdYaml(String name) throws IOException {
        Path dir = Path.of(System.getProperty("sd.operatorCrds", "target/operator-crds"));
        Path jar;
        try (var files = Files.list(dir)) {
            jar = files.filter(f -> f.getFileName().toString().startsWith("flink-kubernetes-operator-api-"))
                    .findFirst().orElseThrow(() -> new IOException("No operator-api jar in " + dir
                            + " (mvn generate-test-resources copies it)"));
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("META-INF/fabric8/" + name);
            if (entry == null) {
                throw new IOException(jar + " has no META-INF/fabric8/" + name);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    /** The API server's URL, e.g. {@code http://127.0.0.1:41234/}. */
    public String url() {
        return server.url("/");
    }

    /** How many requests the mock has answered so far. */
    public int requestCount() {
        return server.getRequestCount();
    }

    /** A client of the mock (the test's own: it plays the operator and kubectl). */
    public NamespacedKubernetesClient client() {
        return client;
    }

    /** A kubeconfig file in {@code dir} whose context {@code context} points at the mock with {@code namespace}. */
    public Path writeKubeconfig(Path dir, String context, String namespace) {
        String yaml = "apiVersion: v1\nkind: Config\ncurrent-context: " + context + "\n"
                + "clusters:\n- name: mock\n  cluster:\n    server: " + url() + "\n"
                + "contexts:\n- name: " + context + "\n  context:\n    cluster: mock\n    user: tester\n"
                + "    namespace: " + namespace + "\n"
                + "users:\n- name: tester\n  user:\n    token: not-a-secret\n";
        try {
            return Files.writeString(dir.resolve("kubeconfig-" + context), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The FlinkDeployment as stored, or null. */
    public GenericKubernetesResource flinkDeployment(String namespace, String name) {
        return client.genericKubernetesResources(FLINK_DEPLOYMENTS).inNamespace(namespace).withName(name).get();
    }

    /** Writes {@code status} into the FlinkDeployment as the operator would. */
    public void writeStatus(String namespace, String name, Map<String, Object> status) {
        client.genericKubernetesResources(FLINK_DEPLOYMENTS).inNamespace(namespace).withName(name).editStatus(r -> {
            r.setAdditionalProperty("status", status);
            return r;
        });
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
