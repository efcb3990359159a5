package io.streamdesk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP(S) server on loopback that answers {@code {prefix}/config} and {@code {prefix}/overview} the way
 * Flink's REST API does, optionally behind basic auth and TLS (a self-signed certificate for 127.0.0.1 made with
 * the JDK's keytool). For connectivity and registry tests that need real sockets but no Flink.
 */
public final class FlinkLikeRestServer implements AutoCloseable {
    public static final String FLINK_VERSION = "2.3.0";
    private final HttpServer server;
    private final String prefix;
    private final Path caPem;

    private FlinkLikeRestServer(HttpServer server, String prefix, Path caPem) {
        this.server = server;
        this.prefix = prefix;
        this.caPem = caPem;
    }

    /** Plain HTTP; {@code user}/{@code password} non-null ask for basic auth. */
    public static FlinkLikeRestServer http(String prefix, String user, String password) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        return start(s, prefix, user, password, null);
    }

    /** HTTPS with a self-signed certificate for 127.0.0.1 made in {@code dir}; {@link #caPem()} is it as PEM. */
    public static FlinkLikeRestServer https(Path dir, String prefix) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Path pem = dir.resolve("server-ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=streamdesk-test-server", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit"));
        run(List.of(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-file", pem.toString()));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx));
        return start(s, prefix, null, null, pem);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }

    private static FlinkLikeRestServer start(HttpServer s, String prefix, String user, String password, Path pem) {
        String expected = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        s.createContext(prefix + "/", exchange -> {
            try (exchange) {
                if (expected != null && !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"flink\"");
                    send(exchange, 401, "<html>401 Authorization Required</html>");
                    return;
                }
                String path = exchange.getRequestURI().getPath().substring(prefix.length());
                switch (path) {
                    case "/config" -> send(exchange, 200, "{\"refresh-interval\":3000,\"timezone-name\":\"UTC\","
                            + "\"timezone-offset\":0,\"flink-version\":\"" + FLINK_VERSION + "\",\"flink-revision\":"
                            + "\"abc @ 2026-01-01\",\"features\":{\"web-submit\":false}}");
                    case "/overview" -> send(exchange, 200, "{\"taskmanagers\":1,\"slots-total\":4,"
                            + "\"slots-available\":4,\"jobs-running\":0,\"jobs-finished\":0,\"jobs-cancelled\":0,"
                            + "\"jobs-failed\":0,\"flink-version\":\"" + FLINK_VERSION + "\"}");
                    default -> send(exchange, 404, "{\"errors\":[\"Not found: " + path + "\"]}");
                }
            }
        });
        s.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "flink-like-rest");
            t.setDaemon(true);
            return t;
        }));
        s.start();
        return new FlinkLikeRestServer(s, prefix, pem);
    }

    private static void send(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The REST URL, with the prefix. */
    public String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port() + prefix;
    }

    /** The server's self-signed certificate as a PEM file (https only). */
    public Path caPem() {
        return caPem;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
