package io.streamdesk.flink.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdesk.model.FlinkJobSummary;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.port.ClusterCallException;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.JobGraphUpload;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link ClusterGateway} over Flink's REST API with the JDK HTTP client. Every request has a timeout so that an
 * unreachable cluster never blocks a caller for long (R6). Thread-safe; one instance per cluster.
 */
public final class FlinkRestClient implements ClusterGateway {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** Flink's error texts can carry whole server-side stack traces; the user needs the first lines. */
    private static final int MAX_ERROR_LENGTH = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String restUrl;
    private final Duration requestTimeout;
    private final String authorization;
    private final HttpClient http;
    private final RestTls tls;
    /** Sees every request before it is sent; counts them in benchmarks (a no-op by default). */
    private volatile java.util.function.Consumer<RestEndpoint<?>> requestListener = e -> { };

    public FlinkRestClient(String restUrl) {
        this(restUrl, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, null, null);
    }

    /**
     * @param restUrl        e.g. {@code http://127.0.0.1:8081}; a trailing slash is ignored
     * @param username       basic auth user, or null for none
     * @param password       basic auth password (ignored without a user)
     */
    public FlinkRestClient(String restUrl, Duration connectTimeout, Duration requestTimeout,
                           String username, String password) {
        this(restUrl, connectTimeout, requestTimeout, username, password, null);
    }

    /**
     * @param tls the TLS settings for an https URL (trust, client certificate), or null for the JDK's defaults
     */
    public FlinkRestClient(String restUrl, Duration connectTimeout, Duration requestTimeout,
                           String username, String password, RestTls tls) {
        Objects.requireNonNull(restUrl, "restUrl");
        this.restUrl = restUrl.endsWith("/") ? restUrl.substring(0, restUrl.length() - 1) : restUrl;
        URI.create(this.restUrl); // fail early on a malformed address
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.authorization = username == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.tls = tls;
        // Flink's REST server speaks HTTP/1.1 only; skip the h2c upgrade attempt.
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"));
        if (tls != null) {
            builder.sslContext(tls.context());
        }
        this.http = builder.build();
    }

    /**
     * A client of a registered remote endpoint (R2): its URL with the path prefix, basic auth with the given password,
     * TLS with the system trust store or the endpoint's CA file, and its client certificate for mutual TLS.
     *
     * @param password the basic auth password as read from the secret store, or null; never logged
     * @throws IllegalArgumentException with a user-facing message when a TLS file cannot be used
     */
    public static FlinkRestClient forEndpoint(RemoteEndpoint endpoint, String password, Duration connectTimeout,
                                              Duration requestTimeout) {
        RestTls tls = endpoint.tls() || endpoint.caFile() != null || endpoint.clientCertFile() != null
                ? RestTls.of(endpoint.caFile(), endpoint.clientCertFile(), endpoint.clientKeyFile())
                : null;
        return new FlinkRestClient(endpoint.restUrl(), connectTimeout, requestTimeout, endpoint.username(),
                password, tls);
    }

    /** Calls {@code listener} with each request's endpoint before it is sent (e.g. to count requests per tick). */
    public void onRequest(java.util.function.Consumer<RestEndpoint<?>> listener) {
        this.requestListener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public String restUrl() {
        return restUrl;
    }

    @Override
    public String flinkVersion() {
        return call(FlinkEndpoints.CONFIG, null);
    }

    @Override
    public ClusterOverview overview() {
        return call(FlinkEndpoints.OVERVIEW, null);
    }

    @Override
    public TaskManagerResources taskManagerResources() {
        return call(FlinkEndpoints.TASK_MANAGERS, null);
    }

    @Override
    public List<FlinkJobSummary> jobsOverview() {
        return call(FlinkEndpoints.JOBS_OVERVIEW, null);
    }

    @Override
    public FlinkJobDetails jobDetails(String flinkJobId) {
        FlinkJobDetails details = call(FlinkEndpoints.JOB_DETAILS, null, flinkJobId);
        if (!hasFailed(details.state())) {
            return details;
        }
        String cause = call(FlinkEndpoints.JOB_EXCEPTIONS, null, flinkJobId);
        return new FlinkJobDetails(details.flinkJobId(), details.name(), details.state(), details.startTime(),
                details.endTime(), details.vertexCount(), cause);
    }

    @Override
    public JobOutcome jobOutcome(String flinkJobId) {
        return call(FlinkEndpoints.JOB_OUTCOME, null, flinkJobId);
    }

    @Override
    public JobFailure newestFailure(String flinkJobId) {
        return call(FlinkEndpoints.JOB_FAILURE, null, flinkJobId);
    }

    @Override
    public String stopWithSavepoint(String flinkJobId, String targetDirectory) {
        ObjectNode body = JSON.createObjectNode();
        body.put("targetDirectory", targetDirectory);
        body.put("drain", false);
        return call(FlinkEndpoints.STOP_WITH_SAVEPOINT, body, flinkJobId);
    }

    @Override
    public SavepointOperation savepointStatus(String flinkJobId, String requestId) {
        return call(FlinkEndpoints.SAVEPOINT_STATUS, null, flinkJobId, requestId);
    }

    @Override
    public void cancel(String flinkJobId) {
        call(FlinkEndpoints.CANCEL, null, flinkJobId);
    }

    @Override
    public CheckpointSummary checkpoints(String flinkJobId) {
        return call(FlinkEndpoints.CHECKPOINTS, null, flinkJobId);
    }

    @Override
    public List<Vertex> vertices(String flinkJobId) {
        return call(FlinkEndpoints.JOB_VERTICES, null, flinkJobId);
    }

    @Override
    public String latestCheckpointFailure(String flinkJobId) {
        return call(FlinkEndpoints.LATEST_CHECKPOINT_FAILURE, null, flinkJobId);
    }

    /**
     * A plain-text answer (a log) keeps at most its last this many bytes: a JobManager of a shared cluster may have
     * logged gigabytes; the app keeps the same tail of each log per run.
     */
    public static final int MAX_TEXT_BYTES = 20 * 1024 * 1024;

    /** Plain-text GET (logs); the body as it came, or its last {@link #MAX_TEXT_BYTES} from the start of a line. */
    @Override
    public String text(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(restUrl + path))
                .timeout(requestTimeout.multipliedBy(4)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<java.io.InputStream> response = send(request.build(), "GET " + path,
                HttpResponse.BodyHandlers.ofInputStream());
        String body;
        try (java.io.InputStream in = response.body()) {
            body = tail(in, MAX_TEXT_BYTES);
        } catch (IOException e) {
            throw new ClusterUnreachableException("Flink cluster at " + restUrl + " broke off its answer to GET " + path
                    + ": " + e.getMessage(), e);
        }
        refuseAuth(response);
        if (response.statusCode() >= 400) {
            throw new ClusterCallException(response.statusCode(), errorMessage("GET " + path, response.statusCode(), body));
        }
        return body;
    }

    /** The stream's last {@code max} bytes as UTF-8; when it was longer, from the first whole line on. */
    static String tail(java.io.InputStream in, int max) throws IOException {
        byte[] ring = new byte[Math.min(max, 64 * 1024)];
        int size = 0;
        int start = 0; // index of the oldest byte in ring
        boolean cut = false;
        byte[] chunk = new byte[8192];
        for (int n; (n = in.read(chunk)) > 0; ) {
            for (int i = 0; i < n; i++) {
                if (size < ring.length) {
                    ring[(start + size) % ring.length] = chunk[i];
                    size++;
                } else if (ring.length < max) {
                    byte[] bigger = new byte[(int) Math.min(max, ring.length * 2L)];
                    for (int k = 0; k < size; k++) {
                        bigger[k] = ring[(start + k) % ring.length];
                    }
                    ring = bigger;
                    start = 0;
                    ring[size++] = chunk[i];
                } else {
                    ring[start] = chunk[i];
                    start = (start + 1) % ring.length;
                    cut = true;
                }
            }
        }
        byte[] out = new byte[size];
        for (int k = 0; k < size; k++) {
            out[k] = ring[(start + k) % ring.length];
        }
        int from = 0;
        if (cut) {
            while (from < out.length && out[from] != '\n') {
                from++;
            }
            from = Math.min(out.length, from + 1);
        }
        return new String(out, from, out.length - from, StandardCharsets.UTF_8);
    }

    // ---- monitoring (MO1, C1) ----

    /**
     * Flink's REST server (Netty) refuses request lines over 4096 bytes; a long {@code ?get=} list is split into
     * several requests below this length (only with high parallelism: ~50 ids fit in one).
     */
    static final int MAX_QUERY_LENGTH = 3000;

    @Override
    public JobPlan jobPlan(String flinkJobId) {
        return call(FlinkEndpoints.JOB_PLAN, null, flinkJobId);
    }

    @Override
    public List<String> jobMetricIds(String flinkJobId) {
        return FlinkEndpoints.metricIds(call(FlinkEndpoints.JOB_METRICS, null, flinkJobId));
    }

    @Override
    public Map<String, Double> jobMetrics(String flinkJobId, Collection<String> ids) {
        return metricValues(FlinkEndpoints.JOB_METRICS, ids, flinkJobId);
    }

    @Override
    public List<String> vertexMetricIds(String flinkJobId, String vertexId) {
        return FlinkEndpoints.metricIds(call(FlinkEndpoints.VERTEX_METRICS, null, flinkJobId, vertexId));
    }

    @Override
    public Map<String, Double> vertexMetrics(String flinkJobId, String vertexId, Collection<String> ids) {
        return metricValues(FlinkEndpoints.VERTEX_METRICS, ids, flinkJobId, vertexId);
    }

    @Override
    public List<String> taskManagerIds() {
        return call(FlinkEndpoints.TASK_MANAGER_IDS, null);
    }

    @Override
    public List<String> taskManagerMetricIds(String taskManagerId) {
        return FlinkEndpoints.metricIds(call(FlinkEndpoints.TASK_MANAGER_METRICS, null, taskManagerId));
    }

    @Override
    public Map<String, Double> taskManagerMetrics(String taskManagerId, Collection<String> ids) {
        return metricValues(FlinkEndpoints.TASK_MANAGER_METRICS, ids, taskManagerId);
    }

    @Override
    public List<String> jobManagerMetricIds() {
        return FlinkEndpoints.metricIds(call(FlinkEndpoints.JOB_MANAGER_METRICS, null));
    }

    @Override
    public Map<String, Double> jobManagerMetrics(Collection<String> ids) {
        return metricValues(FlinkEndpoints.JOB_MANAGER_METRICS, ids);
    }

    @Override
    public List<CheckpointEntry> checkpointHistory(String flinkJobId) {
        return call(FlinkEndpoints.CHECKPOINT_HISTORY, null, flinkJobId);
    }

    @Override
    public String triggerSavepoint(String flinkJobId, String targetDirectory) {
        ObjectNode body = JSON.createObjectNode();
        body.put("target-directory", targetDirectory);
        body.put("cancel-job", false);
        return call(FlinkEndpoints.TRIGGER_SAVEPOINT, body, flinkJobId);
    }

    /** {@code ?get=a,b,c} in as few requests as the length limit allows. */
    private Map<String, Double> metricValues(RestEndpoint<JsonNode> endpoint, Collection<String> ids, String... pathValues) {
        Map<String, Double> values = new LinkedHashMap<>();
        StringBuilder query = new StringBuilder();
        for (String id : ids) {
            String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8);
            if (query.length() > 0 && query.length() + encoded.length() + 1 > MAX_QUERY_LENGTH) {
                values.putAll(FlinkEndpoints.metricValues(callWithQuery(endpoint, "get=" + query, pathValues)));
                query.setLength(0);
            }
            if (query.length() > 0) {
                query.append(',');
            }
            query.append(encoded);
        }
        if (query.length() > 0) {
            values.putAll(FlinkEndpoints.metricValues(callWithQuery(endpoint, "get=" + query, pathValues)));
        }
        return values;
    }

    <R> R callWithQuery(RestEndpoint<R> endpoint, String query, String... pathValues) {
        return send(endpoint, null, query, pathValues);
    }

    private static boolean hasFailed(String state) {
        return "FAILED".equals(state) || "FAILING".equals(state) || "RESTARTING".equals(state);
    }

    /** Sends one request and maps the answer; the only place that talks to the network. */
    <R> R call(RestEndpoint<R> endpoint, JsonNode body, String... pathValues) {
        return send(endpoint, body, null, pathValues);
    }

    /** Sends one request ({@code query} appended after {@code ?}, already encoded) and maps the answer. */
    private <R> R send(RestEndpoint<R> endpoint, JsonNode body, String query, String... pathValues) {
        String path = endpoint.path(pathValues);
        if (query != null) {
            path = path + (path.contains("?") ? "&" : "?") + query;
        }
        requestListener.accept(endpoint);
        URI uri = URI.create(restUrl + path);
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .method(endpoint.method(), publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = send(request.build(), endpoint.method() + " " + path);
        refuseAuth(response);
        if (response.statusCode() >= 400) {
            throw new ClusterCallException(response.statusCode(), errorMessage(endpoint.method() + " " + path, response));
        }
        return endpoint.responseMapping().apply(parse(response.body(), endpoint.method() + " " + path));
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        return send(request, what, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> send(HttpRequest request, String what, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (HttpConnectTimeoutException e) {
            throw new ClusterUnreachableException("Flink cluster at " + restUrl + " did not accept a connection within the timeout", e);
        } catch (HttpTimeoutException e) {
            throw new ClusterUnreachableException("Flink cluster at " + restUrl + " did not answer " + what
                    + " within " + request.timeout().orElse(requestTimeout).toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new ClusterUnreachableException("Flink cluster at " + restUrl + " refused the connection (is it running?)", e);
        } catch (IOException e) {
            javax.net.ssl.SSLException ssl = sslCause(e);
            if (ssl != null) {
                throw new ClusterCallException(TLS_FAILURE, tlsMessage(ssl));
            }
            if (!restUrl.startsWith("https:") && String.valueOf(e.getMessage()).contains("received no bytes")) {
                throw new ClusterUnreachableException("Flink cluster at " + restUrl + " closed the connection without "
                        + "an answer (does it speak https only?)", e);
            }
            throw new ClusterUnreachableException("Flink cluster at " + restUrl + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnreachableException("Interrupted while calling the Flink cluster at " + restUrl, e);
        }
    }

    /** The status of a {@link ClusterCallException} for a TLS handshake that failed (no HTTP status exists). */
    public static final int TLS_FAILURE = 0;

    /** 401/407: the user or password is wrong (or missing); never a Flink error, a proxy's or a server's refusal. */
    private void refuseAuth(HttpResponse<?> response) {
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            // never followed: a redirect would take the credentials elsewhere; Flink's TLS port redirects plain http
            String location = response.headers().firstValue("Location").orElse(null);
            throw new ClusterCallException(status, "The REST API at " + restUrl + " redirects (HTTP " + status + ")"
                    + (location == null ? "" : " to " + abbreviate(location))
                    + (location != null && location.startsWith("https:") && !restUrl.startsWith("https:")
                    ? "; it speaks https: use an https:// URL" : "; use the URL it redirects to"));
        }
        if (status == 401 || status == 407) {
            throw new ClusterCallException(status, authorization == null
                    ? "The REST API at " + restUrl + " asks for a user and password (HTTP " + status + ")"
                    : "user or password refused by " + restUrl + " (HTTP " + status + ")");
        }
    }

    private static javax.net.ssl.SSLException sslCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }

    /** What failed in the handshake, naming the server's certificate when it was not trusted. */
    private String tlsMessage(javax.net.ssl.SSLException e) {
        StringBuilder causes = new StringBuilder();
        boolean untrusted = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.security.cert.CertificateException
                    || t instanceof java.security.cert.CertPathValidatorException
                    || t.getClass().getName().endsWith("SunCertPathBuilderException")) {
                untrusted = true;
            }
            if (t.getMessage() != null && causes.indexOf(t.getMessage()) < 0) {
                causes.append(causes.length() == 0 ? "" : "; ").append(t.getMessage());
            }
        }
        String text = causes.toString();
        String prefix = "TLS error with " + restUrl + ": ";
        java.security.cert.X509Certificate seen = tls == null ? null : tls.lastServerCertificate();
        if (untrusted || text.contains("PKIX") || text.contains("certification path")) {
            String subject = seen == null ? "of the server" : "'" + seen.getSubjectX500Principal().getName()
                    + "' (issued by '" + seen.getIssuerX500Principal().getName() + "')";
            if (text.contains("No subject alternative") || text.contains("No name matching")) {
                return prefix + "the server certificate " + subject + " is not for this host: " + abbreviate(text);
            }
            return prefix + "the server certificate " + subject + " is not trusted by "
                    + (tls == null ? "the system trust store" : tls.trustSource())
                    + "; give the CA file that signed it (" + abbreviate(text) + ")";
        }
        if (text.contains("bad_certificate") || text.contains("certificate_required") || text.contains("certificate_unknown")) {
            return prefix + (tls != null && tls.presentsClientCertificate()
                    ? "the server refused the client certificate (" + abbreviate(text) + ")"
                    : "the server asks for a client certificate (mutual TLS); set the client certificate and key ("
                    + abbreviate(text) + ")");
        }
        return prefix + abbreviate(text);
    }

    // ---- submission (J5): the same URL, prefix, TLS and auth as every other call ----

    /** A job graph upload may take longer than a status call: the JobManager deserializes and schedules it. */
    static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * {@code POST /jobs} as Flink's {@code RestClusterClient} sends it: the job graph and the job's jars as parts of
     * one multipart request ({@link JobSubmission}); the JobManager puts the jars on the blob server for the job's
     * class loader. Sizes are bounded before anything is sent.
     */
    @Override
    public String submitJobGraph(byte[] serializedJobGraph, java.util.List<java.nio.file.Path> jars) {
        JobSubmission submission = JobSubmission.of(serializedJobGraph, jars);
        requestListener.accept(FlinkEndpoints.SUBMIT_JOB);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(restUrl + "/jobs"))
                .timeout(submission.timeout(SUBMIT_TIMEOUT))
                .header("Accept", "application/json")
                .header("Content-Type", submission.contentType())
                .POST(submission.body());
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpResponse<String> response = send(builder.build(), "POST /jobs");
        refuseAuth(response);
        String what = submission.jarCount() == 0 ? "job graph"
                : "job graph with its " + submission.jarCount() + " jar(s)";
        if (response.statusCode() == 413) {
            throw new ClusterCallException(413, "The REST API at " + restUrl + " refused the " + (submission.size() >> 10)
                    + " KB " + what + " as too large (HTTP 413); the cluster's rest.server.max-content-length or a"
                    + " reverse proxy's body limit (nginx: client_max_body_size) needs to be larger.");
        }
        if (response.statusCode() >= 400) {
            throw new ClusterCallException(response.statusCode(), errorMessage("POST /jobs", response));
        }
        return FlinkEndpoints.SUBMIT_JOB.responseMapping().apply(parse(response.body(), "POST /jobs"));
    }

    private JsonNode parse(String body, String what) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new ClusterCallException(200, "Flink cluster at " + restUrl + " answered " + what
                    + " with something that is not JSON: " + abbreviate(body));
        }
    }

    /** Flink answers errors as {@code {"errors": ["...", ...]}}; keep its words, drop server-side stack traces. */
    private String errorMessage(String what, HttpResponse<String> response) {
        return errorMessage(what, response.statusCode(), response.body());
    }

    private String errorMessage(String what, int status, String body) {
        List<String> parts = new ArrayList<>();
        try {
            for (JsonNode error : JSON.readTree(body).path("errors")) {
                String text = error.asText();
                if (text.startsWith("<Exception on server side:")) {
                    // A full stack trace; its second line names the exception.
                    String[] lines = text.split("\n", 3);
                    if (lines.length > 1 && !lines[1].isBlank()) {
                        parts.add(lines[1].strip());
                    }
                } else {
                    parts.add(FlinkEndpoints.firstLine(text));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: fall through to the raw body
        }
        String detail = parts.isEmpty() ? abbreviate(body) : abbreviate(String.join("; ", parts));
        return "Flink answered " + status + " to " + what + ": " + detail;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH) + "...";
    }

    // ---- JAR jobs (J1): the /jars calls live in FlinkJarCalls and go through this client's HTTP stack ----

    private final FlinkJarCalls jars = new FlinkJarCalls(this);

    @Override
    public String uploadJar(java.nio.file.Path jar) {
        return jars.upload(Objects.requireNonNull(jar, "jar"));
    }

    @Override
    public String runJar(String jarId, io.streamdesk.service.port.JarRunner.JarRun run) {
        return jars.run(Objects.requireNonNull(jarId, "jarId"), Objects.requireNonNull(run, "run"));
    }

    @Override
    public void deleteJar(String jarId) {
        jars.delete(Objects.requireNonNull(jarId, "jarId"));
    }

    /** Sends a prepared request with this client's auth and error handling, and returns its JSON answer. */
    JsonNode exchangeJson(HttpRequest.Builder request, String what, RestEndpoint<?> endpoint) {
        requestListener.accept(endpoint);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = send(request.build(), what);
        refuseAuth(response);
        if (response.statusCode() >= 400) {
            throw new ClusterCallException(response.statusCode(), errorMessage(what, response));
        }
        return parse(response.body(), what);
    }

    @Override
    public String toString() {
        return "FlinkRestClient[" + restUrl + "]";
    }
}
