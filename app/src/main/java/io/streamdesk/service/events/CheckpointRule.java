package io.streamdesk.service.events;

import io.streamdesk.model.EventKind;

import java.util.ArrayList;
import java.util.List;

/** EV2 "checkpoint failed": a checkpoint ends FAILED; cleared by the next COMPLETED. Works on Flink's counters. */
public final class CheckpointRule {

    /** Flink's checkpoint counters of a job at one moment, with the newest failure message if any. */
    public record Counts(long completed, long failed, String latestFailure) {
    }

    /**
     * @param failureOpen whether a checkpoint failure of this run is not yet cleared
     * @return a failure, a recovery, both (in that order, when both happened between two looks), or nothing
     */
    public List<Finding> evaluate(Counts before, Counts now, boolean failureOpen) {
        List<Finding> found = new ArrayList<>();
        if (before == null || now == null) {
            return found;
        }
        boolean newFailure = now.failed() > before.failed();
        if (newFailure) {
            found.add(Finding.of(EventKind.CHECKPOINT_FAILED,
                    (now.failed() - before.failed()) + " checkpoint(s) failed",
                    "failed checkpoints: " + before.failed() + " -> " + now.failed()
                            + (now.latestFailure() == null ? "" : "\nlatest failure: " + now.latestFailure()),
                    "Look at the checkpoint failure in the log (preset 'checkpoint failure'); raise execution.checkpointing.timeout "
                            + "if checkpoints expire, or fix the operator that declines them."));
        }
        if ((failureOpen || newFailure) && now.completed() > before.completed()) {
            found.add(Finding.of(EventKind.CHECKPOINT_RECOVERED, "A checkpoint completed again",
                    "completed checkpoints: " + before.completed() + " -> " + now.completed(), ""));
        }
        return found;
    }
}
