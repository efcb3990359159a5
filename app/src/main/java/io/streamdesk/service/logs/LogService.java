package io.streamdesk.service.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdesk.model.JobId;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.port.LogReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * EV6 log diagnosis: fetches the JobManager and TaskManager logs through the REST API (and, for a cluster whose
 * process the app runs, that process's log file) and keeps a copy per job run instance under {@code root/<job>/<run>/}, so the logs stay readable
 * after the cluster is gone. Each copy keeps at most the last {@link #MAX_BYTES} of its log.
 */
public final class LogService {
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Function<String, ? extends LogReader> gateways;
    private final Function<String, Optional<Path>> processLogs;

    /**
     * @param gateways    cluster id -> its gateway
     * @param processLogs cluster id -> the log file of the cluster's own process, when the app runs it
     */
    public LogService(Path root, Function<String, ? extends LogReader> gateways,
                      Function<String, Optional<Path>> processLogs) {
        this.root = root;
        this.gateways = gateways;
        this.processLogs = processLogs;
    }

    /** What a fetch got, and what it could not get (a cluster without a log file answers 404 on /jobmanager/log). */
    public record FetchResult(List<String> files, List<String> problems) {
    }

    /** Fetches every log it can reach into the run's folder (replacing older copies); never throws for one missing log. */
    public FetchResult fetch(JobId job, int runInstance, String clusterId) {
        Path dir = dir(job, runInstance);
        List<String> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Creating " + dir + " failed", e);
        }
        LogReader gateway = null;
        try {
            gateway = gateways.apply(clusterId);
        } catch (RuntimeException e) {
            problems.add("Cluster " + clusterId + ": " + e.getMessage());
        }
        if (gateway != null) {
            fetchOne(gateway, "/jobmanager/log", dir.resolve("jobmanager.log"), files, problems);
            try {
                JsonNode tms = JSON.readTree(gateway.text("/taskmanagers")).path("taskmanagers");
                for (JsonNode tm : tms) {
                    String id = tm.path("id").asText();
                    fetchOne(gateway, "/taskmanagers/" + id + "/log", dir.resolve("taskmanager-" + safe(id) + ".log"), files, problems);
                }
            } catch (IOException | RuntimeException e) {
                problems.add("/taskmanagers: " + e.getMessage());
            }
        }
        Optional<Path> processLog = processLogs.apply(clusterId).filter(Files::exists);
        if (processLog.isPresent()) {
            String name = "cluster-process.log";
            try {
                write(dir.resolve(name), tail(Files.readAllBytes(processLog.get())));
                files.add(name);
            } catch (IOException e) {
                problems.add(processLog.get() + ": " + e.getMessage());
            }
        }
        return new FetchResult(files, problems);
    }

    private static void fetchOne(LogReader gateway, String path, Path target, List<String> files, List<String> problems) {
        try {
            String text = gateway.text(path);
            write(target, tail(text.getBytes(StandardCharsets.UTF_8)));
            files.add(target.getFileName().toString());
        } catch (RuntimeException | IOException e) {
            problems.add(path + ": " + e.getMessage());
        }
    }

    /** The kept log files of a run, by name. */
    public List<String> files(JobId job, int runInstance) {
        Path dir = dir(job, runInstance);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(JobId job, int runInstance, String file) {
        if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new InputRejectedException("Log file: a plain file name (got '" + file + "').");
        }
        try {
            return Files.readString(dir(job, runInstance).resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputRejectedException("Log file " + file + " of run " + runInstance + " is not kept: fetch the logs first.");
        }
    }

    /** Every kept log of the run, concatenated with a header line per file. */
    public String readAll(JobId job, int runInstance) {
        StringBuilder b = new StringBuilder();
        for (String f : files(job, runInstance)) {
            b.append("===== ").append(f).append(" =====\n").append(read(job, runInstance, f)).append('\n');
        }
        return b.toString();
    }

    private Path dir(JobId job, int runInstance) {
        return root.resolve(job.value()).resolve(String.valueOf(runInstance));
    }

    private static byte[] tail(byte[] bytes) {
        if (bytes.length <= MAX_BYTES) {
            return bytes;
        }
        byte[] out = new byte[MAX_BYTES];
        System.arraycopy(bytes, bytes.length - MAX_BYTES, out, 0, MAX_BYTES);
        return out;
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Files.write(target, bytes);
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
