package io.streamdesk.flink.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streamdesk.model.FlinkJobSummary;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.service.port.ClusterCallException;
import io.streamdesk.service.port.CheckpointReader.CheckpointSummary;
import io.streamdesk.service.port.JobControl.SavepointOperation;
import io.streamdesk.service.port.ClusterUnreachableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The REST client against a JDK HTTP server on loopback that answers like Flink (or fails like a sick cluster). */
class FlinkRestClientTest {

    private HttpServer server;
    private String baseUrl;
    /** "METHOD path" -> what the server answers. */
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, String> received = new ConcurrentHashMap<>();

    private record Answer(int status, String body, long delayMillis) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        received.put(key, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            received.put("Authorization", auth);
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            received.put("Content-Type " + key, contentType);
        }
        Answer answer = answers.getOrDefault(key, new Answer(404, "{\"errors\":[\"Not found: " + key + "\"]}", 0));
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private FlinkRestClient client() {
        return new FlinkRestClient(baseUrl, Duration.ofSeconds(2), Duration.ofMillis(500), null, null);
    }

    @Test
    void readsVersionOverviewAndJobs() {
        answers.put("GET /config", new Answer(200, "{\"flink-version\":\"2.3.0\",\"refresh-interval\":3000}", 0));
        answers.put("GET /jobs/overview", new Answer(200, """
                {"jobs":[{"jid":"a1","name":"orders","state":"RUNNING","start-time":10,"end-time":-1,
                          "tasks":{"running":2,"total":3,"deploying":1}}]}""", 0));
        FlinkRestClient client = client();
        assertThat(client.flinkVersion()).isEqualTo("2.3.0");
        List<FlinkJobSummary> jobs = client.jobsOverview();
        assertThat(jobs).containsExactly(new FlinkJobSummary("a1", "orders", "RUNNING", 10, -1, 2, 3));
        assertThat(jobs.get(0).allTasksRunning()).isFalse();
        assertThat(client.job("a1")).isPresent();
        assertThat(client.job("zz")).isEmpty();
    }

    @Test
    void readsALogAsTextAndSaysWhenThereIsNone() {
        answers.put("GET /jobmanager/log", new Answer(200, "10:00:00,000 INFO Dispatcher - Received JobGraph\n", 0));
        assertThat(client().text("/jobmanager/log")).isEqualTo("10:00:00,000 INFO Dispatcher - Received JobGraph\n");
        assertThatThrownBy(() -> client().text("/taskmanagers/tm-1/log"))
                .isInstanceOf(io.streamdesk.service.port.ClusterCallException.class)
                .hasMessage("Flink answered 404 to GET /taskmanagers/tm-1/log: Not found: GET /taskmanagers/tm-1/log");
    }

    @Test
    void taskManagersSumSlotsCoresAndMemory() {
        answers.put("GET /taskmanagers", new Answer(200, """
                {"taskmanagers":[
                  {"id":"tm-1","slotsNumber":4,"freeSlots":3,"hardware":{"cpuCores":2,"physicalMemory":8589934592}},
                  {"id":"tm-2","slotsNumber":2,"freeSlots":2,"hardware":{"cpuCores":4,"physicalMemory":4294967296}}]}""", 0));
        ClusterGateway.TaskManagerResources tm = client().taskManagerResources();
        // no memoryConfiguration and no JVM heap in this answer: the host's physical memory is not taken instead
        assertThat(tm).isEqualTo(new ClusterGateway.TaskManagerResources(2, 6, 5, 6, -1L));
    }

    @Test
    void stopWithSavepointPostsTheTargetAndPollsTheOperation() {
        answers.put("POST /jobs/a1/stop", new Answer(202, "{\"request-id\":\"r9\"}", 0));
        answers.put("GET /jobs/a1/savepoints/r9", new Answer(200,
                "{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"location\":\"file:/sp/savepoint-1\"}}", 0));
        FlinkRestClient client = client();
        assertThat(client.stopWithSavepoint("a1", "file:/sp")).isEqualTo("r9");
        assertThat(received.get("POST /jobs/a1/stop")).contains("\"targetDirectory\":\"file:/sp\"").contains("\"drain\":false");
        SavepointOperation op = client.savepointStatus("a1", "r9");
        assertThat(op.succeeded()).isTrue();
        assertThat(op.location()).isEqualTo("file:/sp/savepoint-1");
    }

    @Test
    void failedSavepointCarriesItsCause() {
        answers.put("GET /jobs/a1/savepoints/r9", new Answer(200, """
                {"status":{"id":"COMPLETED"},"operation":{"failure-cause":{"class":"java.lang.Exception",
                 "stack-trace":"java.util.concurrent.CompletionException: Task not running\\n\\tat x.y(Z.java:1)"}}}""", 0));
        SavepointOperation op = client().savepointStatus("a1", "r9");
        assertThat(op.completed()).isTrue();
        assertThat(op.succeeded()).isFalse();
        assertThat(op.failureCause()).isEqualTo("java.util.concurrent.CompletionException: Task not running");
    }

    @Test
    void cancelSendsPatchAndCheckpointsAreMapped() {
        answers.put("PATCH /jobs/a1?mode=cancel", new Answer(202, "", 0));
        answers.put("GET /jobs/a1/checkpoints", new Answer(200, """
                {"counts":{"completed":4,"failed":1,"in_progress":0},
                 "latest":{"completed":{"external_path":"file:/cp/chk-4"},"savepoint":null}}""", 0));
        FlinkRestClient client = client();
        client.cancel("a1");
        assertThat(received).containsKey("PATCH /jobs/a1?mode=cancel");
        assertThat(client.checkpoints("a1")).isEqualTo(new CheckpointSummary(4, 1, 0, "file:/cp/chk-4", null));
    }

    @Test
    void errorStatusBecomesCallExceptionWithFlinksErrorText() {
        answers.put("GET /jobs/a1", new Answer(500, """
                {"errors":["Internal server error.","<Exception on server side:\\norg.apache.flink.runtime.rpc.exceptions.RecipientUnreachableException: Could not send message\\n\\tat a.b(C.java:1)\\n\\n End of exception on server side>"]}""", 0));
        assertThatThrownBy(() -> client().jobDetails("a1"))
                .isInstanceOfSatisfying(ClusterCallException.class, e -> assertThat(e.status()).isEqualTo(500))
                .hasMessageContaining("GET /jobs/a1")
                .hasMessageContaining("Internal server error.")
                .hasMessageContaining("Could not send message")
                .hasMessageNotContaining("C.java");
    }

    @Test
    void slowAnswerBecomesUnreachableNamingTheUrl() {
        answers.put("GET /overview", new Answer(200, "{}", 3000));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client().overview())
                .isInstanceOf(ClusterUnreachableException.class)
                .hasMessageContaining(baseUrl)
                .hasMessageContaining("did not answer");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void refusedConnectionBecomesUnreachableNamingTheUrl() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + freePort;
        assertThatThrownBy(() -> new FlinkRestClient(url).flinkVersion())
                .isInstanceOf(ClusterUnreachableException.class)
                .hasMessageContaining(url)
                .hasMessageContaining("refused");
    }

    @Test
    void sendsBasicAuthWhenGivenCredentials() {
        answers.put("GET /config", new Answer(200, "{\"flink-version\":\"2.3.0\"}", 0));
        new FlinkRestClient(baseUrl + "/", Duration.ofSeconds(1), Duration.ofSeconds(1), "ops", "s3cret").flinkVersion();
        assertThat(received.get("Authorization")).isEqualTo("Basic b3BzOnMzY3JldA==");
    }

    @Test
    void failedJobDetailsIncludeTheNewestException() {
        answers.put("GET /jobs/a1", new Answer(200,
                "{\"jid\":\"a1\",\"name\":\"n\",\"state\":\"FAILED\",\"start-time\":1,\"end-time\":2,\"vertices\":[{},{}]}", 0));
        answers.put("GET /jobs/a1/exceptions?maxExceptions=1", new Answer(200,
                "{\"exceptionHistory\":{\"entries\":[{\"exceptionName\":\"java.lang.RuntimeException\","
                        + "\"stacktrace\":\"java.lang.RuntimeException: boom\\n\\tat x\"}]}}", 0));
        var details = client().jobDetails("a1");
        assertThat(details.vertexCount()).isEqualTo(2);
        assertThat(details.failureCause()).isEqualTo("java.lang.RuntimeException: boom");
    }

    @Test
    void endpointPathsFillParametersInOrder() {
        assertThat(FlinkEndpoints.SAVEPOINT_STATUS.path("j1", "r 2")).isEqualTo("/jobs/j1/savepoints/r+2");
        assertThatThrownBy(() -> FlinkEndpoints.JOB_DETAILS.path()).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- submission and the endpoint's own words (issue 11) ----

    @Test
    void submitJobGraphPostsMultipartUnderThePathPrefixWithAuth() {
        answers.put("POST /flink/prod/jobs", new Answer(202, "{\"jobUrl\":\"/jobs/0123456789abcdef0123456789abcdef\"}", 0));
        FlinkRestClient client = new FlinkRestClient(baseUrl + "/flink/prod", Duration.ofSeconds(2),
                Duration.ofMillis(500), "analyst", "pw");
        String id = client.submitJobGraph("JOBGRAPH-BYTES".getBytes(StandardCharsets.US_ASCII));
        assertThat(id).isEqualTo("0123456789abcdef0123456789abcdef");
        String contentType = received.get("Content-Type POST /flink/prod/jobs");
        assertThat(contentType).startsWith("multipart/form-data; boundary=");
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        String body = received.get("POST /flink/prod/jobs");
        // as Flink's RestClusterClient sends it: a "request" JSON part naming the file part with the graph
        assertThat(body).startsWith("--" + boundary + "\r\n").endsWith("\r\n--" + boundary + "--\r\n");
        assertThat(body).contains("Content-Disposition: form-data; name=\"request\"\r\n")
                .contains("{\"jobGraphFileName\":\"job.graph\",\"jobJarFileNames\":[],\"jobArtifactFileNames\":[]}")
                .contains("Content-Disposition: form-data; name=\"file_0\"; filename=\"job.graph\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\nJOBGRAPH-BYTES\r\n");
        assertThat(received.get("Authorization")).isEqualTo("Basic "
                + java.util.Base64.getEncoder().encodeToString("analyst:pw".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void submitJobGraphShipsTheJobsJarsAsPartsNamedInTheRequest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        answers.put("POST /jobs", new Answer(202, "{\"jobUrl\":\"/jobs/0123456789abcdef0123456789abcdef\"}", 0));
        java.nio.file.Path kafka = java.nio.file.Files.writeString(dir.resolve("flink-sql-connector-kafka.jar"), "KAFKA-JAR");
        java.nio.file.Path other = java.nio.file.Files.createDirectories(dir.resolve("b"));
        java.nio.file.Path udf = java.nio.file.Files.writeString(other.resolve("my udf.jar"), "UDF-JAR");
        String id = client().submitJobGraph("GRAPH".getBytes(StandardCharsets.US_ASCII), java.util.List.of(kafka, udf));
        assertThat(id).isEqualTo("0123456789abcdef0123456789abcdef");
        String body = received.get("POST /jobs");
        // as RestClusterClient: file_0 the graph, file_1.. the jars, their (unique, safe) names in jobJarFileNames
        assertThat(body).contains("{\"jobGraphFileName\":\"job.graph\",\"jobJarFileNames\":"
                        + "[\"jar-1-flink-sql-connector-kafka.jar\",\"jar-2-my_udf.jar\"],\"jobArtifactFileNames\":[]}")
                .contains("name=\"file_0\"; filename=\"job.graph\"\r\nContent-Type: application/octet-stream\r\n\r\nGRAPH\r\n")
                .contains("name=\"file_1\"; filename=\"jar-1-flink-sql-connector-kafka.jar\"\r\n"
                        + "Content-Type: application/java-archive\r\n\r\nKAFKA-JAR\r\n")
                .contains("name=\"file_2\"; filename=\"jar-2-my_udf.jar\"\r\n"
                        + "Content-Type: application/java-archive\r\n\r\nUDF-JAR\r\n");
    }

    @Test
    void jarsBeyondTheUploadLimitOrMissingAreRefusedBeforeAnythingIsSent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path big = dir.resolve("big.jar");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(JobSubmission.MAX_UPLOAD_BYTES); // sparse: no disk used
        }
        assertThatThrownBy(() -> client().submitJobGraph(new byte[16], java.util.List.of(big)))
                .hasMessageContaining("more than the 100 MB a submission may upload").hasMessageContaining("big.jar");
        assertThatThrownBy(() -> client().submitJobGraph(new byte[16], java.util.List.of(dir.resolve("gone.jar"))))
                .hasMessageContaining("gone.jar cannot be read");
        assertThat(received).doesNotContainKey("POST /jobs");
    }

    @Test
    void aRefusedPasswordIsSaidSoAndNeverUnreachable() {
        answers.put("GET /config", new Answer(401, "<html>401 Authorization Required</html>", 0));
        FlinkRestClient withUser = new FlinkRestClient(baseUrl, Duration.ofSeconds(2), Duration.ofMillis(500), "u", "wrong");
        assertThatThrownBy(withUser::flinkVersion)
                .isInstanceOf(io.streamdesk.service.port.ClusterCallException.class)
                .hasMessage("user or password refused by " + baseUrl + " (HTTP 401)");
        assertThatThrownBy(() -> client().flinkVersion())
                .hasMessageContaining("asks for a user and password");
        answers.put("POST /jobs", new Answer(401, "", 0));
        assertThatThrownBy(() -> withUser.submitJobGraph(new byte[]{1, 2}))
                .hasMessageStartingWith("user or password refused by " + baseUrl);
    }

    @Test
    void aProxyBodyLimitIsNamed() {
        answers.put("POST /jobs", new Answer(413, "<html>413 Request Entity Too Large</html>", 0));
        assertThatThrownBy(() -> client().submitJobGraph(new byte[2048]))
                .hasMessageContaining("too large (HTTP 413)").hasMessageContaining("client_max_body_size");
    }

    @Test
    void flinkRefusingTheGraphKeepsFlinksWords() {
        answers.put("POST /jobs", new Answer(500, "{\"errors\":[\"Internal server error.\",\"<Exception on server side:\\n"
                + "org.apache.flink.runtime.client.JobSubmissionException: Failed to submit job.\\n\\tat x\"]}", 0));
        assertThatThrownBy(() -> client().submitJobGraph(new byte[]{1}))
                .hasMessageContaining("Flink answered 500 to POST /jobs")
                .hasMessageContaining("JobSubmissionException: Failed to submit job.");
    }
}
