package io.streamdesk.service.jobconfig;

import io.streamdesk.model.JobResources;

/**
 * Whether a job's CUs fit into a cluster's idle CUs (P5).
 *
 * @param neededCu                  JobManager spec + TaskManager spec x largest operator parallelism (J3)
 * @param largestFittingParallelism the largest parallelism whose CUs fit, 0 when none does
 */
public record CuFit(double neededCu, double idleCu, double totalCu, int largestOperatorParallelism,
                    int largestFittingParallelism) {

    public static CuFit of(JobResources resources, int largestOperatorParallelism, double idleCu, double totalCu) {
        return new CuFit(resources.cusFor(largestOperatorParallelism), idleCu, totalCu, largestOperatorParallelism,
                resources.largestParallelismWithin(idleCu));
    }

    public boolean fits() {
        return neededCu <= idleCu;
    }

    /** "Uses 3 CUs of 4.75 idle" or the refusal with the largest parallelism that fits. */
    public String describe() {
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
