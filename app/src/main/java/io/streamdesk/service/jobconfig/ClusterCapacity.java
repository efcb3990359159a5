package io.streamdesk.service.jobconfig;

import io.streamdesk.model.JobResources;
import io.streamdesk.service.port.ClusterStatusReader.TaskManagerResources;

/**
 * What a cluster offers (P5, R4), as the cluster itself reports it through Flink's REST API ({@code /taskmanagers}):
 * its task slots, how many are free, and its TaskManagers' own memory, never the host's RAM. A session cluster
 * (the local one, a remote one) has no fine-grained resources: a job takes one slot per unit of its largest operator
 * parallelism, and per-job JobManager/TaskManager CUs cannot be applied there. It declares one CU per slot plus one
 * for its JobManager so that the CUs of J3 can be compared, but what decides whether a run fits is the free slots.
 *
 * @param memoryBytes the TaskManagers' memory as Flink reports it, -1 when unknown
 * @param basis       how the capacity was read, for the UI
 */
public record ClusterCapacity(String clusterId, double totalCu, double usedCu, int slotsTotal, int slotsAvailable,
                              long memoryBytes, String basis) {
    public static final long BYTES_PER_CU = 4L * 1024 * 1024 * 1024;

    public ClusterCapacity(String clusterId, double totalCu, double usedCu, int slotsTotal, int slotsAvailable,
                           String basis) {
        this(clusterId, totalCu, usedCu, slotsTotal, slotsAvailable, -1, basis);
    }

    public static ClusterCapacity of(String clusterId, TaskManagerResources tm, double usedCu) {
        return new ClusterCapacity(clusterId, declaredCu(tm), usedCu, tm.slotsTotal(), tm.slotsAvailable(),
                tm.memoryBytes(), basis(tm));
    }

    public double idleCu() {
        return Math.max(0, totalCu - usedCu);
    }

    /** CUs declared from the slots: one per slot and one for the JobManager. */
    public static double declaredCu(TaskManagerResources tm) {
        return tm.slotsTotal() + 1;
    }

    /** "4 slots (2 free) on 1 TaskManager with 0.9 GiB, reported by Flink". */
    public static String basis(TaskManagerResources tm) {
        String slots = tm.slotsTotal() + " slots (" + tm.slotsAvailable() + " free) on " + tm.taskManagers()
                + (tm.taskManagers() == 1 ? " TaskManager" : " TaskManagers");
        if (tm.memoryBytes() > 0) {
            slots += " with " + String.format(java.util.Locale.ROOT, "%.1f", tm.memoryBytes() / (double) (1L << 30))
                    + " GiB of memory";
        }
        return slots + ", as Flink reports them";
    }

    /** Memory in CUs (4 GiB each), rounded down to 0.25; for display. */
    static double byMemory(long bytes) {
        return Math.floor(bytes * 4.0 / BYTES_PER_CU) / 4.0;
    }
}
