package io.streamdesk.service.port;

/**
 * A cluster whose task slots the app sets (R4 "scale out/in"): the embedded local cluster. Scaling restarts it, so
 * its caller stops the jobs on it with savepoints first (a cluster without HA takes its jobs with it).
 */
public interface ClusterScaling {
    /** The fewest and most slots {@link #scaleTo(int)} takes. */
    int MIN_SLOTS = 1;
    int MAX_SLOTS = 64;

    /** The slots the cluster runs with (or will, at its next start). */
    int taskSlots();

    /** Restarts the cluster with {@code slots} task slots; returns once the new start is under way. */
    void scaleTo(int slots);
}
