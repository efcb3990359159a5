package io.streamdesk.model;

import java.util.List;

/**
 * Resources of a job (P5): JobManager and TaskManager spec in CUs (1 CU = 1 core and 4 GiB) and the default operator
 * parallelism. The CUs a job uses follow J3: JobManager spec + TaskManager spec x the largest operator parallelism.
 */
public record JobResources(double jobManagerCu, double taskManagerCu, int parallelism) {
    /** The specs P5 offers, in CUs. */
    public static final List<Double> SPECS = List.of(0.25, 0.5, 1.0, 2.0);
    public static final int MAX_PARALLELISM = 16384;

    public static JobResources defaults() {
        return new JobResources(1.0, 1.0, 1);
    }

    /** CUs of the job when its largest operator parallelism is {@code largestOperatorParallelism} (J3). */
    public double cusFor(int largestOperatorParallelism) {
        return jobManagerCu + taskManagerCu * Math.max(1, largestOperatorParallelism);
    }

    /** CUs with the default parallelism as the largest operator parallelism (no operator overrides it). */
    public double cus() {
        return cusFor(parallelism);
    }

    /**
     * The largest parallelism whose CUs fit into {@code availableCu}, 0 when not even parallelism 1 fits. The specs
     * are multiples of 0.25, so the arithmetic is exact in binary floating point.
     */
    public int largestParallelismWithin(double availableCu) {
        double forTaskManagers = availableCu - jobManagerCu;
        if (forTaskManagers < taskManagerCu) {
            return 0;
        }
        return (int) Math.min(MAX_PARALLELISM, Math.floor(forTaskManagers / taskManagerCu));
    }

    /** "0.25", "1", "2.5": CUs as the UI writes them. */
    public static String format(double cu) {
        if (cu == Math.rint(cu)) {
            return Long.toString((long) cu);
        }
        String s = Double.toString(cu);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }
}
