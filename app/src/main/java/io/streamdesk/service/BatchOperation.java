package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs one action over a list of jobs, one job after the other (J5 batch operations): every job gets a result, a
 * failure is recorded and the next job goes on. Cancelling skips the jobs not yet started; the one in flight
 * finishes.
 */
public final class BatchOperation {

    public enum Outcome { OK, FAILED, SKIPPED }

    /** One job's result: OK with what happened, FAILED with the reason, or SKIPPED after a cancel. */
    public record JobResult(JobId jobId, String jobName, Outcome outcome, String message) {
        public boolean ok() {
            return outcome == Outcome.OK;
        }
    }

    /** The per-job action; its return value is the OK message, any exception is the failure. */
    @FunctionalInterface
    public interface JobAction {
        String apply(Job job) throws Exception;
    }

    /** Told after every job, on the batch's thread. */
    @FunctionalInterface
    public interface Listener {
        void onResult(JobResult result, int done, int total);
    }

    private BatchOperation() {
    }

    public static List<JobResult> run(List<Job> jobs, JobAction action, Listener listener, BooleanSupplier cancelled) {
        List<JobResult> results = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            JobResult result;
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                result = new JobResult(job.id(), job.name(), Outcome.SKIPPED, "Skipped: the batch was cancelled.");
            } else {
                result = runOne(job, action);
            }
            results.add(result);
            try {
                listener.onResult(result, results.size(), jobs.size());
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(BatchOperation.class).warn("Batch listener failed", e);
            }
        }
        return results;
    }

    /** Counts of a result list, e.g. "2 ok, 1 failed". */
    public static String summary(List<JobResult> results) {
        long ok = results.stream().filter(r -> r.outcome() == Outcome.OK).count();
        long failed = results.stream().filter(r -> r.outcome() == Outcome.FAILED).count();
        long skipped = results.stream().filter(r -> r.outcome() == Outcome.SKIPPED).count();
        return ok + " ok, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }

    private static JobResult runOne(Job job, JobAction action) {
        try {
            String message = action.apply(job);
            return new JobResult(job.id(), job.name(), Outcome.OK, message == null ? "Done." : message);
        } catch (OperationFailedException e) {
            String fix = e.suggestedFix();
            return failed(job, e.getMessage() + (fix == null || fix.isBlank() ? "" : " \u2014 " + fix));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(job, "Interrupted.");
        } catch (Exception e) {
            return failed(job, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static JobResult failed(Job job, String reason) {
        return new JobResult(job.id(), job.name(), Outcome.FAILED, reason);
    }
}
