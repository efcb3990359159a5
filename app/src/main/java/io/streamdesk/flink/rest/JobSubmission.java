package io.streamdesk.flink.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdesk.service.port.ClusterCallException;
import io.streamdesk.service.port.JobGraphUpload;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The body of {@code POST /jobs} as Flink's own {@code RestClusterClient} sends it: multipart/form-data with a
 * {@code request} part (the JobSubmitRequestBody JSON: {@code jobGraphFileName}, {@code jobJarFileNames},
 * {@code jobArtifactFileNames}) and one file part per file, {@code file_0} the serialized job graph and
 * {@code file_1..n} the job's jars. The JobManager finds each file by its part's file name, puts the jars on the blob
 * server and gives them to the job's class loader on every TaskManager: the same path for the local child and remote
 * session clusters. Jars are streamed from disk, never read into memory as a whole.
 */
final class JobSubmission {

    /** Jars a job may ship; far beyond a connector, a format and a few UDF jars. */
    static final int MAX_JARS = 32;

    /**
     * What one submission may upload in all: Flink's default {@code rest.server.max-content-length} (100 MiB); a
     * cluster with a larger limit still gets at most this much from the app.
     */
    static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String boundary = "streamdesk-" + UUID.randomUUID();
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
    private final long size;
    private final int jarCount;

    private JobSubmission(byte[] graph, List<Path> jars) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(jars, "jars");
        if (graph.length > JobGraphUpload.MAX_JOB_GRAPH_BYTES) {
            throw new ClusterCallException(413, "The job graph is " + (graph.length >> 20) + " MB, more than the "
                    + (JobGraphUpload.MAX_JOB_GRAPH_BYTES >> 20) + " MB a submission may be.");
        }
        if (jars.size() > MAX_JARS) {
            throw new ClusterCallException(413, "The job ships " + jars.size() + " jars, more than the " + MAX_JARS
                    + " a submission may have.");
        }
        String graphName = "job.graph";
        ObjectNode request = JSON.createObjectNode();
        request.put("jobGraphFileName", graphName);
        ArrayNode jarNames = request.putArray("jobJarFileNames");
        request.putArray("jobArtifactFileNames");
        List<String> names = new ArrayList<>();
        long total = graph.length;
        for (int i = 0; i < jars.size(); i++) {
            Path jar = jars.get(i);
            long length;
            try {
                length = Files.size(jar);
            } catch (IOException e) {
                throw new ClusterCallException(400, "The job's jar " + jar + " cannot be read: " + e.getMessage());
            }
            if (!Files.isRegularFile(jar)) {
                throw new ClusterCallException(400, "The job's jar " + jar + " is not a file.");
            }
            total += length;
            if (total > MAX_UPLOAD_BYTES) {
                throw new ClusterCallException(413, "The job graph and its " + jars.size() + " jars are more than the "
                        + (MAX_UPLOAD_BYTES >> 20) + " MB a submission may upload (Flink's rest.server.max-content-length"
                        + " default); the jar " + jar.getFileName() + " goes past it.");
            }
            // the JobManager keys uploaded files by name: unique names, whatever the jars' own are
            String name = "jar-" + (i + 1) + "-" + safeName(jar.getFileName().toString());
            names.add(name);
            jarNames.add(name);
        }
        this.size = total;
        this.jarCount = jars.size();
        text("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"request\"\r\n"
                + "Content-Type: application/json; charset=UTF-8\r\n\r\n"
                + request + "\r\n");
        text("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file_0\"; filename=\"" + graphName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n");
        parts.add(HttpRequest.BodyPublishers.ofByteArray(graph));
        text("\r\n");
        for (int i = 0; i < jars.size(); i++) {
            text("--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"file_" + (i + 1) + "\"; filename=\"" + names.get(i) + "\"\r\n"
                    + "Content-Type: application/java-archive\r\n\r\n");
            try {
                parts.add(HttpRequest.BodyPublishers.ofFile(jars.get(i)));
            } catch (FileNotFoundException e) {
                throw new ClusterCallException(400, "The job's jar " + jars.get(i) + " is gone: " + e.getMessage());
            }
            text("\r\n");
        }
        text("--" + boundary + "--\r\n");
    }

    static JobSubmission of(byte[] graph, List<Path> jars) {
        return new JobSubmission(graph, jars);
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher body() {
        return HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
    }

    /** Bytes of the graph and the jars (the multipart framing aside). */
    long size() {
        return size;
    }

    int jarCount() {
        return jarCount;
    }

    /** 60 s, plus a second per 2 MB uploaded: a 100 MB submission over a slow link still has its time. */
    Duration timeout(Duration base) {
        return base.plusSeconds(size / (2L * 1024 * 1024));
    }

    private void text(String s) {
        parts.add(HttpRequest.BodyPublishers.ofByteArray(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** A file name safe inside a quoted Content-Disposition and as a file on the JobManager. */
    static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 100) {
            safe = safe.substring(safe.length() - 100);
        }
        return safe.endsWith(".jar") ? safe : safe + ".jar";
    }
}
