package io.streamdesk.flink.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdesk.service.port.ClusterCallException;
import io.streamdesk.service.port.JarRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code /jars} calls of Flink's REST API (J1) for {@link FlinkRestClient}: upload as multipart/form-data with the
 * file streamed from disk, run with the JSON body of {@code JarRunRequestBody}, delete. They go through the client's
 * one HTTP stack (URL with prefix, TLS, basic auth, the same error texts).
 */
final class FlinkJarCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Running a jar calls its main method inside the JobManager, which then builds and submits the job. */
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(120);

    static final RestEndpoint<JsonNode> UPLOAD = new RestEndpoint<>("POST", "/jars/upload", j -> j);
    static final RestEndpoint<JsonNode> RUN = new RestEndpoint<>("POST", "/jars/:jarid/run", j -> j);
    static final RestEndpoint<JsonNode> DELETE = new RestEndpoint<>("DELETE", "/jars/:jarid", j -> j);

    private final FlinkRestClient client;

    FlinkJarCalls(FlinkRestClient client) {
        this.client = client;
    }

    String upload(Path jar) {
        long size;
        try {
            size = Files.size(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("The jar " + jar + " cannot be read: " + e.getMessage(), e);
        }
        if (size > JarRunner.MAX_JAR_BYTES) {
            throw new ClusterCallException(413, "The jar " + jar.getFileName() + " is " + (size >> 20) + " MB, more than the "
                    + (JarRunner.MAX_JAR_BYTES >> 20) + " MB an upload may be.");
        }
        String boundary = "streamdesk-" + java.util.UUID.randomUUID();
        String fileName = safeFileName(jar.getFileName().toString());
        byte[] head = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher file;
        try {
            file = HttpRequest.BodyPublishers.ofFile(jar);
        } catch (java.io.FileNotFoundException e) {
            throw new UncheckedIOException("The jar " + jar + " is not there", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.restUrl() + "/jars/upload"))
                .timeout(UPLOAD_TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head), file,
                        HttpRequest.BodyPublishers.ofByteArray(tail)));
        JsonNode answer = client.exchangeJson(request, "POST /jars/upload", UPLOAD);
        String path = answer.path("filename").asText("");
        if (!"success".equals(answer.path("status").asText("")) || path.isEmpty()) {
            throw new ClusterCallException(200, "Flink did not confirm the upload of " + fileName + ": " + answer);
        }
        // the jar id is the stored file's name (Flink: <uuid>_<original name>)
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    String run(String jarId, JarRunner.JarRun run) {
        ObjectNode body = JSON.createObjectNode();
        body.put("entryClass", run.entryClass());
        body.putArray("programArgsList").addAll(run.programArgs().stream()
                .map(JSON.getNodeFactory()::textNode).toList());
        if (run.parallelism() != null) {
            body.put("parallelism", run.parallelism());
        }
        if (run.savepointPath() != null) {
            body.put("savepointPath", run.savepointPath());
        }
        body.put("allowNonRestoredState", run.allowNonRestoredState());
        ObjectNode configuration = body.putObject("flinkConfiguration");
        new java.util.TreeMap<>(run.flinkConfiguration()).forEach(configuration::put);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.restUrl() + "/jars/" + encode(jarId) + "/run"))
                .timeout(RUN_TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        JsonNode answer = client.exchangeJson(request, "POST /jars/:jarid/run", RUN);
        String jobId = answer.path("jobid").asText("");
        if (jobId.isEmpty()) {
            throw new ClusterCallException(200, "Flink ran the jar but named no job: " + answer);
        }
        return jobId;
    }

    void delete(String jarId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.restUrl() + "/jars/" + encode(jarId)))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .DELETE();
        client.exchangeJson(request, "DELETE /jars/:jarid", DELETE);
    }

    private static String encode(String jarId) {
        return URLEncoder.encode(jarId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A file name fit for a multipart header: no quotes, no line breaks, no path. */
    static String safeFileName(String name) {
        String cleaned = name.replaceAll("[\"\\\\\r\n/]", "_");
        return cleaned.isBlank() ? "job.jar" : cleaned;
    }
}
