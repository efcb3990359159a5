package io.streamdesk.ui.job;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.RunService;
import io.streamdesk.ui.Formats;

import java.time.Duration;

/**
 * What the job page shows besides the job row: the figures of a finished run (J4 "Finished") and the chain of
 * causes behind a run's warning, stored with its JOB_FAILED event. Read off the FX thread.
 */
record RunDetails(String finishText, String warningDetails) {
    /** A failure event this close before the warning belongs to it (both are written by the same operation). */
    private static final Duration SAME_OPERATION = Duration.ofMinutes(2);

    static RunDetails of(RunService runs, Job job) {
        String finished = "";
        if (job.status() == JobStatus.FINISHED) {
            JobRun last = runs.runs(job.id()).stream().findFirst().orElse(null);
            if (last != null && last.finished()) {
                finished = "Finished at " + Formats.preciseTime(last.endedAt()) + " after " + last.finishSummary();
            }
        }
        String details = "";
        if (job.warning() != null) {
            for (JobEvent e : runs.events(job.id())) {
                if (e.kind() == EventKind.JOB_FAILED && !e.evidence().isBlank()
                        && !e.at().isBefore(job.warning().at().minus(SAME_OPERATION))
                        && !e.at().isAfter(job.warning().at().plus(SAME_OPERATION))) {
                    details = e.message() + "\n\nChain of causes, as Flink reported it:\n" + e.evidence();
                    break;
                }
            }
        }
        return new RunDetails(finished, details);
    }
}
