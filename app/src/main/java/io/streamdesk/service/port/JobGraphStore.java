package io.streamdesk.service.port;

import io.streamdesk.model.JobId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The job graph a version was compiled to at publish, kept with the version so that its run submits it straight to
 * the cluster without the planner. A version is immutable; its graph is valid for a run only while what it was
 * compiled from is unchanged (see {@code StoredJobGraphs}): the Flink version, the script with its frozen variable
 * values, the configuration, the jars and the catalog's tables, all summed up in {@link StoredJobGraph#fingerprint}.
 */
public interface JobGraphStore {

    /** A stored graph is a SQL job's graph; anything near this size is not one and is not kept. */
    int MAX_GRAPH_BYTES = JobGraphUpload.MAX_JOB_GRAPH_BYTES;

    /**
     * @param flinkVersion the Flink version of the planner that compiled it (e.g. 2.3.0)
     * @param fingerprint  SHA-256 (hex) of what it was compiled from: name, script, configuration, jars, catalog
     * @param jobName      the Flink job name in the graph
     * @param graph        the JobGraph as {@code ObjectOutputStream} wrote it, without restore settings
     * @param jars         the job's jar files it was compiled against (shipped with it at the run)
     */
    record StoredJobGraph(String flinkVersion, String fingerprint, String jobName, byte[] graph, List<String> jars,
                          Instant compiledAt) {
        public StoredJobGraph {
            Objects.requireNonNull(flinkVersion, "flinkVersion");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(jobName, "jobName");
            Objects.requireNonNull(graph, "graph");
            jars = List.copyOf(jars);
            Objects.requireNonNull(compiledAt, "compiledAt");
        }
    }

    /**
     * Keeps the graph of version {@code version} (replacing one kept before), written so that a crash leaves
     * either the old or the new graph, never a torn one.
     *
     * @throws StoreException when it cannot be written or is larger than {@link #MAX_GRAPH_BYTES}
     */
    void save(JobId job, int version, StoredJobGraph graph);

    /** The kept graph, or empty when there is none or it cannot be read whole (the run then compiles). */
    Optional<StoredJobGraph> find(JobId job, int version);

    /** Keeps nothing: every run compiles (fakes, graphs built for one concern). */
    JobGraphStore NONE = new JobGraphStore() {
        @Override
        public void save(JobId job, int version, StoredJobGraph graph) {
        }

        @Override
        public Optional<StoredJobGraph> find(JobId job, int version) {
            return Optional.empty();
        }
    };
}
