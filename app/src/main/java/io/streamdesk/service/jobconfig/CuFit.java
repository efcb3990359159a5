package io.streamdesk.service.jobconfig;

import io.streamdesk.model.JobResources;

/**
 * Whether a job fits the cluster (P5). On a session cluster a job needs one free slot per unit of its largest
 * operator parallelism; that decides. The CUs (J3) are shown alongside: such a cluster cannot reserve them per job.
 *
 * @param neededCu                  JobManager spec + TaskManager spec x largest operator parallelism (J3)
 * @param freeSlots                 the cluster's free slots (those of this job's running version counted as free),
 *                                  -1 when unknown: then the CUs decide
 * @param largestFittingParallelism the largest parallelism that fits, 0 when none does
 */
public record CuFit(double neededCu, double idleCu, double totalCu, int largestOperatorParallelism, int freeSlots,
                    int largestFittingParallelism) {

    /** A fit by CUs alone (the slots unknown). */
    public static CuFit of(JobResources resources, int largestOperatorParallelism, double idleCu, double totalCu) {
        return new CuFit(resources.cusFor(largestOperatorParallelism), idleCu, totalCu, largestOperatorParallelism, -1,
                resources.largestParallelismWithin(idleCu));
    }

    /** A fit by the cluster's free slots. */
    public static CuFit bySlots(JobResources resources, int largestOperatorParallelism, int freeSlots, double idleCu,
                                double totalCu) {
        return new CuFit(resources.cusFor(largestOperatorParallelism), idleCu, totalCu, largestOperatorParallelism,
                freeSlots, Math.max(0, freeSlots));
    }

    public boolean fits() {
        return freeSlots >= 0 ? largestOperatorParallelism <= freeSlots : neededCu <= idleCu;
    }

    /** "Needs 2 slots; 4 of 4 are free" or the refusal with the largest parallelism that fits. */
    public String describe() {
        if (freeSlots >= 0) {
            String needed = "The job needs " + largestOperatorParallelism + (largestOperatorParallelism == 1 ? " slot" : " slots")
                    + " (its largest operator parallelism)";
            if (fits()) {
                return needed + "; " + freeSlots + " are free.";
            }
            return needed + " but the cluster has only " + freeSlots + " free; "
                    + (largestFittingParallelism > 0 ? "the largest parallelism that fits is " + largestFittingParallelism + "."
                    : "no slot is free: stop another job first.");
        }
        String needed = "needs " + JobResources.format(neededCu) + " CUs";
        String idle = JobResources.format(idleCu) + " of " + JobResources.format(totalCu) + " CUs are idle";
        if (fits()) {
            return "The job " + needed + "; " + idle + ".";
        }
        return "The job " + needed + " but only " + idle + "; "
                + (largestFittingParallelism > 0 ? "the largest parallelism that fits is " + largestFittingParallelism + "."
                : "not even parallelism 1 fits: lower the JobManager or TaskManager spec, or stop another job.");
    }
}
