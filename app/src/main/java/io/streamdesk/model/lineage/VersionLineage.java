package io.streamdesk.model.lineage;

import io.streamdesk.model.JobId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The tables one published version reads and writes (M5), as stored: computed once (versions are immutable, V1) at
 * publish or, for versions published before lineage existed, in the background. {@code problem} is empty when every
 * statement was read, else what kept some from being read (the tables of the others are still here).
 */
public record VersionLineage(JobId jobId, int version, List<LineageTable> reads, List<LineageTable> writes,
                             String problem, Instant computedAt) {

    /** At most this many tables read and as many written per version; more are cut and said so in the problem. */
    public static final int MAX_TABLES = 500;

    public VersionLineage {
        Objects.requireNonNull(jobId, "jobId");
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
        problem = problem == null ? "" : problem;
        Objects.requireNonNull(computedAt, "computedAt");
    }

    /** The stored form of what the extractor found in the version's script. */
    public static VersionLineage of(JobId jobId, int version, ScriptLineage lineage, Instant computedAt) {
        List<LineageTable> reads = lineage.reads();
        List<LineageTable> writes = lineage.writes();
        StringBuilder problem = new StringBuilder();
        if (!lineage.problems().isEmpty()) {
            var first = lineage.problems().get(0);
            problem.append(lineage.problems().size()).append(" statement(s) could not be read; the first at line ")
                    .append(first.line()).append(", column ").append(first.column()).append(": ")
                    .append(first.message().lines().findFirst().orElse(""));
        }
        if (reads.size() > MAX_TABLES || writes.size() > MAX_TABLES) {
            problem.append(problem.isEmpty() ? "" : " ").append("Only the first ").append(MAX_TABLES)
                    .append(" tables read and written are kept.");
            reads = reads.subList(0, Math.min(MAX_TABLES, reads.size()));
            writes = writes.subList(0, Math.min(MAX_TABLES, writes.size()));
        }
        String text = problem.length() > 2000 ? problem.substring(0, 1997) + "..." : problem.toString();
        return new VersionLineage(jobId, version, reads, writes, text, computedAt);
    }

    public boolean reads(String tableName) {
        return reads.stream().anyMatch(t -> t.name().equals(tableName));
    }

    public boolean writes(String tableName) {
        return writes.stream().anyMatch(t -> t.name().equals(tableName));
    }
}
