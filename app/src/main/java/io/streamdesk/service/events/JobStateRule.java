package io.streamdesk.service.events;

import io.streamdesk.model.EventKind;

import java.util.Optional;
import java.util.Set;

/** EV2 "job failed": the state leaves RUNNING for FAILED or RESTARTING (or FAILING); cleared when RUNNING again. */
public final class JobStateRule {
    private static final Set<String> FAILED_STATES = Set.of("FAILED", "RESTARTING", "FAILING");

    /**
     * @param failureOpen whether a job failure of this run is not yet cleared
     * @param failureCause Flink's failure cause when known, else null
     */
    public Optional<Finding> evaluate(String before, String now, boolean failureOpen, String failureCause) {
        if (before == null || now == null || before.equals(now)) {
            return Optional.empty();
        }
        if ("RUNNING".equals(before) && FAILED_STATES.contains(now)) {
            return Optional.of(Finding.of(EventKind.JOB_FAILED,
                    "The job went from RUNNING to " + now + (failureCause == null ? "" : ": " + failureCause),
                    "state " + before + " -> " + now + (failureCause == null ? "" : "\n" + failureCause),
                    "Open the log search with the 'failure cause' preset; fix the cause (bad rows, a connector, memory) and publish a new version."));
        }
        if (failureOpen && "RUNNING".equals(now)) {
            return Optional.of(Finding.of(EventKind.JOB_RECOVERED, "The job is RUNNING again after " + before,
                    "state " + before + " -> RUNNING", ""));
        }
        return Optional.empty();
    }
}
