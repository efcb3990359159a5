package io.streamdesk.service.events;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobId;
import io.streamdesk.testing.InMemoryEventStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** EV3 dedup and clearing through the recorder. */
class EventRecorderTest {
    private static final JobId JOB = new JobId("cql-abcdefgh");
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final EventRecorder recorder = new EventRecorder(store);

    private static Finding failed() {
        return Finding.of(EventKind.JOB_FAILED, "boom", "evidence", "fix it");
    }

    @Test
    void oneEventOfAKindPerRunInstancePerHour() {
        var t0 = Synthetic.T0;
        assertThat(recorder.record(JOB, 1, failed(), t0)).isPresent();
        assertThat(recorder.record(JOB, 1, failed(), t0.plus(Duration.ofMinutes(59)))).isEmpty();
        assertThat(recorder.record(JOB, 1, failed(), t0.plus(Duration.ofMinutes(60)).plusMillis(1))).isPresent();
        assertThat(store.listAll(10)).hasSize(2);
    }

    @Test
    void anotherRunInstanceOrKindIsNotADuplicate() {
        var t0 = Synthetic.T0;
        assertThat(recorder.record(JOB, 1, failed(), t0)).isPresent();
        assertThat(recorder.record(JOB, 2, failed(), t0.plusSeconds(1))).isPresent();
        assertThat(recorder.record(JOB, 1, Finding.of(EventKind.CHECKPOINT_FAILED, "c", "", ""), t0.plusSeconds(2))).isPresent();
        assertThat(recorder.record(new JobId("cql-zzzzzzzz"), 1, failed(), t0.plusSeconds(3))).isPresent();
    }

    @Test
    void podExitsAreNeverDeduplicated() {
        var exit = Finding.of(EventKind.TM_POD_ABNORMAL_EXIT, "exit 137", "", "");
        assertThat(recorder.record(JOB, 1, exit, Synthetic.T0)).isPresent();
        assertThat(recorder.record(JOB, 1, exit, Synthetic.T0.plusSeconds(10))).isPresent();
    }

    @Test
    void recoveryClearsTheOpenFailureOfTheSameRun() {
        List<JobEvent> heard = new ArrayList<>();
        recorder.addListener(heard::add);
        JobEvent failure = recorder.record(JOB, 1, failed(), Synthetic.T0).orElseThrow();
        JobEvent otherRun = recorder.record(JOB, 2, failed(), Synthetic.T0).orElseThrow();
        var at = Synthetic.T0.plusSeconds(30);
        recorder.record(JOB, 1, Finding.of(EventKind.JOB_RECOVERED, "running again", "", ""), at);
        var byId = store.listAll(10).stream().collect(java.util.stream.Collectors.toMap(JobEvent::id, e -> e));
        assertThat(byId.get(failure.id()).clearedAt()).isEqualTo(at);
        assertThat(byId.get(otherRun.id()).clearedAt()).isNull();
        assertThat(heard).extracting(JobEvent::kind)
                .containsExactly(EventKind.JOB_FAILED, EventKind.JOB_FAILED, EventKind.JOB_RECOVERED);
    }

    @Test
    void aCheckpointRecoveryAlsoClearsTheCheckpointFailureOfAnEarlierRunButNotOfALaterOne() {
        var checkpointFailed = Finding.of(EventKind.CHECKPOINT_FAILED, "3 checkpoint(s) failed", "", "");
        JobEvent run1 = recorder.record(JOB, 1, checkpointFailed, Synthetic.T0).orElseThrow();
        JobEvent run3 = recorder.record(JOB, 3, checkpointFailed, Synthetic.T0).orElseThrow();
        JobEvent jobFailure = recorder.record(JOB, 1, failed(), Synthetic.T0).orElseThrow();
        var at = Synthetic.T0.plusSeconds(30);
        recorder.record(JOB, 2, Finding.of(EventKind.CHECKPOINT_RECOVERED, "completed again", "", ""), at);
        recorder.record(JOB, 2, Finding.of(EventKind.JOB_RECOVERED, "running", "", ""), at);
        var byId = store.listAll(10).stream().collect(java.util.stream.Collectors.toMap(JobEvent::id, e -> e));
        assertThat(byId.get(run1.id()).clearedAt()).isEqualTo(at);
        assertThat(byId.get(run3.id()).clearedAt()).isNull();
        assertThat(byId.get(jobFailure.id()).clearedAt()).as("job failures stay per run").isNull();
    }
}
