package io.streamdesk.service.clusters;

import io.streamdesk.model.cluster.ConnectivityReport;
import io.streamdesk.model.cluster.ConnectivityReport.Step;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.InputRejectedException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connectivity test (R4), step by step with what each step found and how long it took, stopping at the first
 * that failed; every step has its own timeout. Either a cluster's REST API (DNS, TCP, TLS when https, HTTP GET
 * {@code {prefix}/config} with basic auth, the Flink version it reports) or a host[:port] (DNS, TCP when a port is
 * given, TLS when the port is 443 or TLS was asked for with a {@code tls://} prefix). Runs where this process runs.
 */
public final class ConnectivityTester {
    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(3);
    public static final int MAX_TARGET_LENGTH = 300;
    private static final int MAX_BODY_BYTES = 65_536;
    private static final Pattern FLINK_VERSION = Pattern.compile("\"flink-version\"\\s*:\\s*\"([^\"]{1,50})\"");

    private final Duration stepTimeout;

    public ConnectivityTester(Duration stepTimeout) {
        this.stepTimeout = stepTimeout;
    }

    /** A host[:port] to test; {@code tls} when TLS is to be tried after TCP. */
    public record Target(String host, int port, boolean tls) {
        public boolean hasPort() {
            return port > 0;
        }

        @Override
        public String toString() {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return (tls && port != 443 ? "tls://" : "") + h + (hasPort() ? ":" + port : "");
        }
    }

    /**
     * Parses "host", "host:port", "[v6]:port", with an optional "tls://" (TLS asked) prefix.
     *
     * @throws InputRejectedException saying what is wrong with it
     */
    public static Target parseTarget(String text) {
        if (text == null || text.isBlank()) {
            throw new InputRejectedException("Target: enter a host or host:port, e.g. kafka.internal:9092.");
        }
        String t = text.strip();
        if (t.length() > MAX_TARGET_LENGTH) {
            throw new InputRejectedException("Target: longer than " + MAX_TARGET_LENGTH + " characters.");
        }
        boolean tls = false;
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tls://")) {
            tls = true;
            t = t.substring(6);
        }
        String host;
        String port = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new InputRejectedException("Target '" + text.strip() + "': an IPv6 address needs its closing ']'.");
            }
            host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new InputRejectedException("Target '" + text.strip() + "': expected ':PORT' after ']'.");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = t.lastIndexOf(':');
            if (colon >= 0 && t.indexOf(':') != colon) {
                throw new InputRejectedException("Target '" + text.strip() + "': write an IPv6 address in brackets, "
                        + "e.g. [::1]:9092.");
            }
            host = colon < 0 ? t : t.substring(0, colon);
            port = colon < 0 ? null : t.substring(colon + 1);
        }
        if (host.isBlank() || !host.matches("[A-Za-z0-9._:%-]+")) {
            throw new InputRejectedException("Target '" + text.strip() + "': '" + host + "' is not a host name or address.");
        }
        int p = 0;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1 || p > 65_535) {
                throw new InputRejectedException("Target '" + text.strip() + "': the port must be a number from 1 to 65535.");
            }
        }
        return new Target(host, p, tls || p == 443);
    }

    /** DNS, TCP (with a port) and TLS (when the target asks) to {@code target}. */
    public ConnectivityReport testHost(Target target, String ranOn) {
        List<Step> steps = new ArrayList<>();
        InetAddress[] addresses = dns(target.host(), steps);
        if (addresses == null || !target.hasPort()) {
            return new ConnectivityReport(target.toString(), ranOn, steps);
        }
        InetSocketAddress address = new InetSocketAddress(addresses[0], target.port());
        if (!tcp(address, steps) || !target.tls()) {
            return new ConnectivityReport(target.toString(), ranOn, steps);
        }
        tls(null, target.host(), address, steps);
        return new ConnectivityReport(target.toString(), ranOn, steps);
    }

    /** The cluster's REST API: DNS, TCP, TLS (https), HTTP GET {prefix}/config with auth, the Flink version. */
    public ConnectivityReport testRestApi(RemoteEndpoint endpoint, String passwordOrNull, String ranOn) {
        List<Step> steps = new ArrayList<>();
        URI uri = URI.create(endpoint.restUrl());
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : endpoint.tls() ? 443 : 80;
        InetAddress[] addresses = dns(host, steps);
        if (addresses == null) {
            return new ConnectivityReport(endpoint.restUrl(), ranOn, steps);
        }
        InetSocketAddress address = new InetSocketAddress(addresses[0], port);
        if (!tcp(address, steps)) {
            return new ConnectivityReport(endpoint.restUrl(), ranOn, steps);
        }
        SSLContext context = null;
        if (endpoint.tls()) {
            long start = System.nanoTime();
            try {
                context = TlsMaterial.context(endpoint, new AtomicReference<>());
            } catch (IllegalArgumentException e) {
                steps.add(new Step("TLS", false, e.getMessage(), since(start)));
                return new ConnectivityReport(endpoint.restUrl(), ranOn, steps);
            }
            if (!tls(endpoint, host, address, steps)) {
                return new ConnectivityReport(endpoint.restUrl(), ranOn, steps);
            }
        }
        String body = http(endpoint, passwordOrNull, context, steps);
        if (body != null) {
            long start = System.nanoTime();
            Matcher m = FLINK_VERSION.matcher(body);
            if (m.find()) {
                steps.add(new Step("Flink", true, "Flink " + m.group(1), since(start)));
            } else {
                steps.add(new Step("Flink", false, "The answer of " + endpoint.pathPrefix() + "/config has no "
                        + "flink-version: this is not Flink's REST API (check the URL and its path prefix).", since(start)));
            }
        }
        return new ConnectivityReport(endpoint.restUrl(), ranOn, steps);
    }

    private InetAddress[] dns(String host, List<Step> steps) {
        long start = System.nanoTime();
        CompletableFuture<InetAddress[]> lookup = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                lookup.complete(InetAddress.getAllByName(host));
            } catch (Throwable e) {
                lookup.completeExceptionally(e);
            }
        }, "streamdesk-dns-" + host);
        t.setDaemon(true);
        t.start();
        try {
            InetAddress[] found = lookup.get(stepTimeout.toMillis(), TimeUnit.MILLISECONDS);
            String list = String.join(", ", Arrays.stream(found).limit(5).map(InetAddress::getHostAddress).toList())
                    + (found.length > 5 ? " and " + (found.length - 5) + " more" : "");
            steps.add(new Step("DNS", true, host + " resolves to " + list, since(start)));
            return found;
        } catch (TimeoutException e) {
            steps.add(new Step("DNS", false, "No answer resolving " + host + " within " + seconds() + ".", since(start)));
        } catch (ExecutionException e) {
            String why = e.getCause() instanceof UnknownHostException ? "unknown host (no DNS record)"
                    : String.valueOf(e.getCause().getMessage());
            steps.add(new Step("DNS", false, host + " does not resolve: " + why + ".", since(start)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            steps.add(new Step("DNS", false, "Interrupted resolving " + host + ".", since(start)));
        }
        return null;
    }

    private boolean tcp(InetSocketAddress address, List<Step> steps) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) stepTimeout.toMillis());
            steps.add(new Step("TCP", true, "Connected to " + show(address), since(start)));
            return true;
        } catch (SocketTimeoutException e) {
            steps.add(new Step("TCP", false, "No answer from " + show(address) + " within " + seconds()
                    + " (a firewall dropping the connection, or a wrong address).", since(start)));
        } catch (IOException e) {
            steps.add(new Step("TCP", false, "Cannot connect to " + show(address) + ": " + e.getMessage()
                    + (e instanceof java.net.ConnectException ? " (nothing listens on that port, or it is refused)" : ""),
                    since(start)));
        }
        return false;
    }

    private boolean tls(RemoteEndpoint endpoint, String host, InetSocketAddress address, List<Step> steps) {
        long start = System.nanoTime();
        AtomicReference<X509Certificate> shown = new AtomicReference<>();
        try {
            SSLContext context = TlsMaterial.context(endpoint, shown);
            try (Socket raw = new Socket()) {
                raw.connect(address, (int) stepTimeout.toMillis());
                raw.setSoTimeout((int) stepTimeout.toMillis());
                try (SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(raw, host, address.getPort(), true)) {
                    SSLParameters params = s.getSSLParameters();
                    params.setEndpointIdentificationAlgorithm("HTTPS");
                    s.setSSLParameters(params);
                    s.startHandshake();
                    X509Certificate cert = (X509Certificate) s.getSession().getPeerCertificates()[0];
                    steps.add(new Step("TLS", true, s.getSession().getProtocol() + ", certificate '"
                            + cert.getSubjectX500Principal().getName() + "' issued by '"
                            + cert.getIssuerX500Principal().getName() + "', valid until " + cert.getNotAfter().toInstant(),
                            since(start)));
                    return true;
                }
            }
        } catch (IllegalArgumentException e) {
            steps.add(new Step("TLS", false, e.getMessage(), since(start)));
        } catch (SocketTimeoutException e) {
            steps.add(new Step("TLS", false, "No TLS handshake with " + show(address) + " within " + seconds()
                    + " (does it speak TLS on this port?).", since(start)));
        } catch (SSLHandshakeException e) {
            steps.add(new Step("TLS", false, handshakeProblem(endpoint, shown.get(), e), since(start)));
        } catch (SSLException e) {
            steps.add(new Step("TLS", false, "TLS failed with " + show(address) + ": " + e.getMessage()
                    + " (does it speak TLS on this port?)", since(start)));
        } catch (IOException e) {
            steps.add(new Step("TLS", false, "TLS connection to " + show(address) + " failed: " + e.getMessage(),
                    since(start)));
        }
        return false;
    }

    private static String handshakeProblem(RemoteEndpoint endpoint, X509Certificate shown, SSLHandshakeException e) {
        String message = String.valueOf(e.getMessage());
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        boolean untrusted = root instanceof java.security.cert.CertPathValidatorException
                || root instanceof java.security.cert.CertPathBuilderException
                || message.contains("PKIX");
        if (untrusted && shown != null) {
            return "TLS error: the certificate '" + shown.getSubjectX500Principal().getName() + "' (issued by '"
                    + shown.getIssuerX500Principal().getName() + "') is not trusted by "
                    + (endpoint != null && endpoint.caFile() != null ? "the CA file " + endpoint.caFile()
                    : "the system trust store; give the cluster's CA file");
        }
        if (shown != null && message.toLowerCase(Locale.ROOT).contains("subject alternative name")) {
            return "TLS error: the certificate '" + shown.getSubjectX500Principal().getName()
                    + "' is not for this host name: " + message;
        }
        if (message.contains("bad_certificate") || message.contains("certificate_required")) {
            return "TLS error: the server refused the client certificate (" + message + ")"
                    + (endpoint == null || endpoint.clientCertFile() == null ? "; it asks for one: give a client "
                    + "certificate and key" : "");
        }
        return "TLS handshake failed: " + message;
    }

    private String http(RemoteEndpoint endpoint, String password, SSLContext context, List<Step> steps) {
        long start = System.nanoTime();
        String url = endpoint.restUrl() + "/config";
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(stepTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (context != null) {
            builder.sslContext(context);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(stepTimeout).GET()
                .header("Accept", "application/json");
        if (endpoint.username() != null) {
            String pair = endpoint.username() + ":" + (password == null ? "" : password);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        HttpClient client = builder.build();
        try {
            HttpResponse<InputStream> response = client.sendAsync(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream()).get(stepTimeout.toMillis(), TimeUnit.MILLISECONDS);
            int code = response.statusCode();
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
            }
            if (code == 401) {
                steps.add(new Step("HTTP", false, endpoint.username() == null
                        ? "GET " + url + " asks for a user and password (HTTP 401): set the user and password."
                        : "User or password refused (HTTP 401) for user '" + endpoint.username() + "'.", since(start)));
                return null;
            }
            if (code == 403) {
                steps.add(new Step("HTTP", false, "Access forbidden (HTTP 403) to GET " + url + ".", since(start)));
                return null;
            }
            if (code / 100 == 3) {
                steps.add(new Step("HTTP", false, "GET " + url + " redirects (HTTP " + code + ") to "
                        + response.headers().firstValue("Location").orElse("?") + ": use that URL.", since(start)));
                return null;
            }
            if (code != 200) {
                steps.add(new Step("HTTP", false, "GET " + url + " answered HTTP " + code
                        + (code == 404 ? ": not Flink's REST API at this URL (check the path prefix)." : "."),
                        since(start)));
                return null;
            }
            steps.add(new Step("HTTP", true, "GET " + endpoint.pathPrefix() + "/config answered 200"
                    + (endpoint.username() != null ? " (signed in as '" + endpoint.username() + "')" : ""), since(start)));
            return body;
        } catch (TimeoutException e) {
            steps.add(new Step("HTTP", false, "No answer to GET " + url + " within " + seconds() + ".", since(start)));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            steps.add(new Step("HTTP", false, "GET " + url + " failed: "
                    + (cause instanceof SSLHandshakeException h ? handshakeProblem(endpoint, null, h) : cause), since(start)));
        } catch (IOException e) {
            steps.add(new Step("HTTP", false, "Reading the answer of " + url + " failed: " + e.getMessage(), since(start)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            steps.add(new Step("HTTP", false, "Interrupted.", since(start)));
        }
        return null;
    }

    private static String show(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private String seconds() {
        return stepTimeout.toMillis() % 1000 == 0 ? stepTimeout.toSeconds() + " s" : stepTimeout.toMillis() + " ms";
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
