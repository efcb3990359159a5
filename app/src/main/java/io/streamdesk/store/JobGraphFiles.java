package io.streamdesk.store;

import io.streamdesk.model.JobId;
import io.streamdesk.service.port.JobGraphStore;
import io.streamdesk.service.port.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Kept job graphs as files under the data directory ({@code job-graphs/}): each graph once, named by its SHA-256
 * ({@code blobs/<sha256>.graph}, two versions with the same graph share it), and per version a small index
 * ({@code <job id>/v<n>.properties}: the Flink version, the fingerprint, the job name, the jars, the graph's hash and
 * size). Every file is written to a temporary name, forced to disk and moved into place atomically, the graph before
 * its index: a crash leaves the old state or the new one. A graph that does not match its index's hash and size is
 * not used (the run compiles instead).
 */
public final class JobGraphFiles implements JobGraphStore {
    private static final Logger LOG = LoggerFactory.getLogger(JobGraphFiles.class);
    /** An index is a few hundred bytes; jars are at most a few dozen paths. */
    private static final int MAX_INDEX_BYTES = 64 * 1024;

    private final Path root;

    public JobGraphFiles(Path root) {
        this.root = root;
    }

    @Override
    public void save(JobId job, int version, StoredJobGraph graph) {
        if (graph.graph().length > MAX_GRAPH_BYTES) {
            throw new StoreException("The job graph of " + job + " v" + version + " is " + (graph.graph().length >> 20)
                    + " MB, more than the " + (MAX_GRAPH_BYTES >> 20) + " MB kept.");
        }
        String hash = sha256(graph.graph());
        Properties index = new Properties();
        index.setProperty("flinkVersion", graph.flinkVersion());
        index.setProperty("fingerprint", graph.fingerprint());
        index.setProperty("jobName", graph.jobName());
        index.setProperty("graph", hash);
        index.setProperty("size", Integer.toString(graph.graph().length));
        index.setProperty("compiledAt", graph.compiledAt().toString());
        index.setProperty("jars", Integer.toString(graph.jars().size()));
        for (int i = 0; i < graph.jars().size(); i++) {
            index.setProperty("jar." + i, graph.jars().get(i));
        }
        StringWriter text = new StringWriter();
        try {
            index.store(text, "job graph of " + job + " v" + version + " kept at publish");
            Path blob = blobs().resolve(hash + ".graph");
            if (!Files.isRegularFile(blob) || Files.size(blob) != graph.graph().length) {
                writeAtomically(blob, graph.graph());
            }
            writeAtomically(indexOf(job, version), text.toString().getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new StoreException("Keeping the job graph of " + job + " v" + version + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredJobGraph> find(JobId job, int version) {
        Path file = indexOf(job, version);
        try {
            if (Files.size(file) > MAX_INDEX_BYTES) {
                LOG.warn("The job graph index {} is larger than {} KB: not used", file, MAX_INDEX_BYTES >> 10);
                return Optional.empty();
            }
            Properties index = new Properties();
            index.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
            String hash = index.getProperty("graph", "");
            if (!hash.matches("[0-9a-f]{64}")) {
                LOG.warn("The job graph index {} names no graph: not used", file);
                return Optional.empty();
            }
            Path blob = blobs().resolve(hash + ".graph");
            long size = Files.size(blob);
            if (size > MAX_GRAPH_BYTES || size != Long.parseLong(index.getProperty("size", "-1"))) {
                LOG.warn("The kept job graph {} has {} bytes, not the {} its index says: not used", blob, size,
                        index.getProperty("size"));
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(blob);
            if (!hash.equals(sha256(bytes))) {
                LOG.warn("The kept job graph {} does not match its hash: not used", blob);
                return Optional.empty();
            }
            int jarCount = Integer.parseInt(index.getProperty("jars", "0"));
            List<String> jars = new ArrayList<>();
            for (int i = 0; i < Math.min(jarCount, 1000); i++) {
                jars.add(index.getProperty("jar." + i, ""));
            }
            return Optional.of(new StoredJobGraph(index.getProperty("flinkVersion", ""),
                    index.getProperty("fingerprint", ""), index.getProperty("jobName", ""), bytes, jars,
                    Instant.parse(index.getProperty("compiledAt", Instant.EPOCH.toString()))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The kept job graph of {} v{} cannot be read ({}): the run compiles instead", job, version, e.toString());
            return Optional.empty();
        }
    }

    private Path blobs() {
        return root.resolve("blobs");
    }

    private Path indexOf(JobId job, int version) {
        return root.resolve(job.value()).resolve("v" + version + ".properties");
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
