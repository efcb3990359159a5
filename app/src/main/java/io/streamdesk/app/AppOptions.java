package io.streamdesk.app;

import io.streamdesk.flink.local.LocalClusterProcess.Lifetime;
import io.streamdesk.service.RunService.RunTimeouts;

import java.time.Duration;

/**
 * Settings of one process that are not user data.
 *
 * @param author            recorded as the author of published versions
 * @param clusterHeap       -Xmx of the local cluster's child JVM, e.g. "1g"
 * @param reconcileInterval how often job statuses are checked against the cluster
 * @param stopJobsOnClose   stop running jobs with a savepoint when the app closes (R1); only with a
 *                          {@link Lifetime#TIED_TO_THIS_PROCESS} cluster, which closing stops as well
 * @param clusterLifetime   {@link Lifetime#TIED_TO_THIS_PROCESS} for the desktop app (closing stops the local
 *                          cluster, also one it attached to); {@link Lifetime#DETACHED} for the CLI (closing leaves
 *                          the cluster and its jobs running)
 */
public record AppOptions(String author, String clusterHeap, RunTimeouts timeouts, Duration reconcileInterval,
                         boolean stopJobsOnClose, Lifetime clusterLifetime) {

    public static AppOptions defaults() {
        return new AppOptions(System.getProperty("user.name", "local"), "1g", RunTimeouts.defaults(),
                Duration.ofSeconds(2), true, Lifetime.TIED_TO_THIS_PROCESS);
    }

    /** The CLI shares the data directory's local cluster and leaves it and its jobs running when a command ends. */
    public static AppOptions forCli() {
        return defaults().withStopJobsOnClose(false).withClusterLifetime(Lifetime.DETACHED);
    }

    /** Smaller heap for the child cluster so tests fit the 2-core, shared CI machine. */
    public static AppOptions forTests() {
        return new AppOptions("tester", "768m", RunTimeouts.defaults(), Duration.ofSeconds(1), true,
                Lifetime.TIED_TO_THIS_PROCESS);
    }

    public AppOptions withClusterHeap(String heap) {
        return new AppOptions(author, heap, timeouts, reconcileInterval, stopJobsOnClose, clusterLifetime);
    }

    public AppOptions withStopJobsOnClose(boolean stop) {
        return new AppOptions(author, clusterHeap, timeouts, reconcileInterval, stop, clusterLifetime);
    }

    /** The CLI: {@code AppOptions.defaults().withClusterLifetime(Lifetime.DETACHED)}. */
    public AppOptions withClusterLifetime(Lifetime lifetime) {
        return new AppOptions(author, clusterHeap, timeouts, reconcileInterval, stopJobsOnClose, lifetime);
    }
}
