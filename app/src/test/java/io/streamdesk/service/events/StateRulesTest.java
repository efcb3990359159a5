package io.streamdesk.service.events;

import io.streamdesk.model.EventKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** EV2 state rules: job failed / recovered and checkpoint failed / recovered. */
class StateRulesTest {
    private final JobStateRule jobs = new JobStateRule();
    private final CheckpointRule checkpoints = new CheckpointRule();

    @Test
    void leavingRunningForRestartingOrFailedIsAFailure() {
        assertThat(jobs.evaluate("RUNNING", "RESTARTING", false, "java.lang.ArithmeticException: / by zero")).get()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(EventKind.JOB_FAILED);
                    assertThat(f.cause()).contains("RESTARTING").contains("ArithmeticException");
                });
        assertThat(jobs.evaluate("RUNNING", "FAILED", false, null)).get()
                .extracting(Finding::kind).isEqualTo(EventKind.JOB_FAILED);
    }

    @Test
    void otherTransitionsAreNoFailure() {
        assertThat(jobs.evaluate("CREATED", "RUNNING", false, null)).isEmpty();
        assertThat(jobs.evaluate("RUNNING", "RUNNING", false, null)).isEmpty();
        assertThat(jobs.evaluate("RUNNING", "CANCELLING", false, null)).isEmpty();
        assertThat(jobs.evaluate(null, "FAILED", false, null)).isEmpty();
    }

    @Test
    void runningAgainRecoversOnlyAnOpenFailure() {
        assertThat(jobs.evaluate("RESTARTING", "RUNNING", true, null)).get()
                .extracting(Finding::kind).isEqualTo(EventKind.JOB_RECOVERED);
        assertThat(jobs.evaluate("RESTARTING", "RUNNING", false, null)).isEmpty();
    }

    @Test
    void aNewFailedCheckpointIsAnEventAndTheNextCompletedClearsIt() {
        var before = new CheckpointRule.Counts(3, 0, null);
        var failed = new CheckpointRule.Counts(3, 1, "Checkpoint expired before completing.");
        assertThat(checkpoints.evaluate(before, before, false)).isEmpty();
        assertThat(checkpoints.evaluate(before, failed, false)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(EventKind.CHECKPOINT_FAILED);
            assertThat(f.evidence()).contains("Checkpoint expired");
        });
        assertThat(checkpoints.evaluate(failed, new CheckpointRule.Counts(4, 1, null), true)).singleElement()
                .extracting(Finding::kind).isEqualTo(EventKind.CHECKPOINT_RECOVERED);
    }

    @Test
    void aCompletedCheckpointWithoutOpenFailureIsNoEvent() {
        assertThat(checkpoints.evaluate(new CheckpointRule.Counts(3, 0, null), new CheckpointRule.Counts(4, 0, null), false))
                .isEmpty();
    }

    @Test
    void failureAndCompletionBetweenTwoLooksGiveBothInOrder() {
        assertThat(checkpoints.evaluate(new CheckpointRule.Counts(3, 0, null), new CheckpointRule.Counts(4, 1, null), false))
                .extracting(Finding::kind).containsExactly(EventKind.CHECKPOINT_FAILED, EventKind.CHECKPOINT_RECOVERED);
    }
}
