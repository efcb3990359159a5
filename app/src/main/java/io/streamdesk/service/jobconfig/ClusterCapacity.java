package io.streamdesk.service.jobconfig;

import io.streamdesk.model.JobResources;
import io.streamdesk.service.port.ClusterStatusReader.TaskManagerResources;

/**
 * The CUs a cluster declares (P5, R4) and how many the app's running jobs use. A cluster without fine-grained
 * resources (the local one, a plain session cluster) declares one CU per task slot plus one for the JobManager,
 * capped by its memory at 4 GiB per CU (1 CU = 1 core and 4 GiB).
 *
 * @param basis how {@code totalCu} was declared, for the UI
 */
public record ClusterCapacity(String clusterId, double totalCu, double usedCu, int slotsTotal, int slotsAvailable,
                              String basis) {
    public static final long BYTES_PER_CU = 4L * 1024 * 1024 * 1024;

    public double idleCu() {
        return Math.max(0, totalCu - usedCu);
    }

    /** CUs declared from slots and memory: min(slots + 1, memory / 4 GiB rounded down to 0.25). */
    public static double declaredCu(TaskManagerResources tm) {
        double bySlots = tm.slotsTotal() + 1;
        if (tm.physicalMemoryBytes() <= 0) {
            return bySlots;
        }
        return Math.min(bySlots, byMemory(tm.physicalMemoryBytes()));
    }

    static double byMemory(long bytes) {
        return Math.floor(bytes * 4.0 / BYTES_PER_CU) / 4.0;
    }

    public static String basis(TaskManagerResources tm) {
        String slots = tm.slotsTotal() + " slots + 1 for the JobManager";
        if (tm.physicalMemoryBytes() <= 0) {
            return slots;
        }
        return slots + ", capped by " + (tm.physicalMemoryBytes() / (1024 * 1024 * 1024)) + " GiB of memory ("
                + JobResources.format(byMemory(tm.physicalMemoryBytes())) + " CUs)";
    }
}
