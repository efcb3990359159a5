package io.streamdesk.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JobTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Job newJob() {
        return new Job(JobId.generate(), "orders", "/", JobType.SQL, "local", JobStatus.STOPPED, null, T0,
                Duration.ofMinutes(10), null, 0, null, null);
    }

    @Test
    void runningThenStoppedAddsTheRunToTheCumulativeTime() {
        Job running = newJob().running(2, 3, "f1", T0.plusSeconds(60));
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(running.onlineVersion()).isEqualTo(2);
        assertThat(running.currentRunTime(T0.plusSeconds(90))).isEqualTo(Duration.ofSeconds(30));
        assertThat(running.totalRunTime(T0.plusSeconds(90))).isEqualTo(Duration.ofMinutes(10).plusSeconds(30));

        Job stopped = running.stopped(JobStatus.STOPPED, T0.plusSeconds(120));
        assertThat(stopped.cumulativeRunTime()).isEqualTo(Duration.ofMinutes(11));
        assertThat(stopped.onlineVersion()).isNull();
        assertThat(stopped.runStartedAt()).isNull();
        assertThat(stopped.runInstance()).isEqualTo(3);
    }

    @Test
    void aStartClearsTheLastWarning() {
        Job warned = newJob().withWarning(new JobWarning("Run", "boom", "fix it", T0));
        assertThat(warned.running(1, 1, "f", T0).warning()).isNull();
    }

    @Test
    void onlyAllTasksRunningCountsAsRunning() {
        assertThat(new FlinkJobSummary("j", "n", "RUNNING", 0, -1, 1, 2).allTasksRunning()).isFalse();
        assertThat(new FlinkJobSummary("j", "n", "RUNNING", 0, -1, 2, 2).allTasksRunning()).isTrue();
        assertThat(new FlinkJobSummary("j", "n", "CREATED", 0, -1, 0, 0).allTasksRunning()).isFalse();
        assertThat(new FlinkJobSummary("j", "n", "CANCELED", 0, 1, 0, 2).isTerminal()).isTrue();
    }
}
