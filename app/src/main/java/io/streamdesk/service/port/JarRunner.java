package io.streamdesk.service.port;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Running a JAR job through a cluster's REST API (J1): {@code POST /jars/upload}, {@code POST /jars/:jarid/run},
 * {@code DELETE /jars/:jarid}, over the same URL, path prefix, TLS and auth as every other call to that cluster, so
 * the local child and a remote session cluster run a JAR job alike. Errors as {@link ClusterStatusReader} says.
 */
public interface JarRunner {

    /** A jar bigger than this is refused before it is sent (the dependency store keeps jars up to 50 MB). */
    long MAX_JAR_BYTES = 64L * 1024 * 1024;

    /**
     * {@code POST /jars/upload} (multipart, field {@code jarfile}): returns the cluster's id of the uploaded jar.
     *
     * @param jar a readable jar file of at most {@link #MAX_JAR_BYTES}
     */
    String uploadJar(Path jar);

    /**
     * {@code POST /jars/:jarid/run}: the cluster runs the jar's entry class, which submits the job; returns the Flink
     * job id once the cluster accepted it.
     */
    String runJar(String jarId, JarRun run);

    /** {@code DELETE /jars/:jarid}: the uploaded jar is not needed once its job was submitted. */
    void deleteJar(String jarId);

    /**
     * The body of {@code /jars/:jarid/run}.
     *
     * @param parallelism       the job's default parallelism, or null for the cluster's
     * @param savepointPath     the savepoint or checkpoint to restore from, or null for a fresh start
     * @param flinkConfiguration job configuration (Flink's {@code flinkConfiguration}, FLIP-256)
     */
    record JarRun(String entryClass, List<String> programArgs, Integer parallelism, String savepointPath,
                  boolean allowNonRestoredState, Map<String, String> flinkConfiguration) {
        public JarRun {
            programArgs = List.copyOf(programArgs);
            flinkConfiguration = Map.copyOf(flinkConfiguration);
        }
    }
}
