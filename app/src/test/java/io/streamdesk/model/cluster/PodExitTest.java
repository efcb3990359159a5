package io.streamdesk.model.cluster;

import io.streamdesk.model.EventKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PodExitTest {

    @Test
    void onlySigtermIsNormal() {
        assertThat(PodExit.isAbnormal(143)).isFalse();
        for (int code : new int[]{137, -1, 0, 1, 2, 239, 3, 255}) {
            assertThat(PodExit.isAbnormal(code)).as("exit code %d", code).isTrue();
        }
    }

    @Test
    void meaningsFollowEv4() {
        assertThat(PodExit.meaning(137)).contains("Out of memory").contains("TaskManager spec").contains("parallelism");
        assertThat(PodExit.meaning(-1)).contains("No exit code").contains("platform");
        assertThat(PodExit.meaning(0)).contains("Start failure").contains("no address").contains("subnet");
        assertThat(PodExit.meaning(1)).contains("failed to initialize").contains("Could not start cluster entrypoint");
        assertThat(PodExit.meaning(2)).contains("Fatal error at JobManager start")
                .contains("Fatal error occurred in the cluster entrypoint");
        assertThat(PodExit.meaning(239)).contains("uncaught")
                .contains("produced an uncaught exception. Stopping the process");
        assertThat(PodExit.meaning(42)).contains("Unknown exit code 42");
        assertThat(PodExit.meaning(143)).contains("Normal");
    }

    @Test
    void roleComesFromTheOperatorsComponentLabel() {
        assertThat(PodExit.Role.fromComponentLabel("taskmanager")).isEqualTo(PodExit.Role.TASK_MANAGER);
        assertThat(PodExit.Role.fromComponentLabel("jobmanager")).isEqualTo(PodExit.Role.JOB_MANAGER);
        assertThat(PodExit.Role.fromComponentLabel("other")).isNull();
        assertThat(PodExit.Role.fromComponentLabel(null)).isNull();
    }

    @Test
    void noticeNamesPodCodeReasonAndMeaning() {
        Instant finished = Instant.parse("2026-12-04T01:00:00Z");
        PodExit exit = new PodExit("fd-taskmanager-1-1", "flink-main-container", PodExit.Role.TASK_MANAGER, 137,
                "OOMKilled", 2, finished);
        ClusterNotice notice = exit.notice(Instant.EPOCH);
        assertThat(notice.kind()).isEqualTo(EventKind.TM_POD_ABNORMAL_EXIT);
        assertThat(notice.occurredAt()).isEqualTo(finished);
        assertThat(notice.message()).contains("TaskManager pod fd-taskmanager-1-1").contains("code 137")
                .contains("OOMKilled").contains("Out of memory");

        PodExit jm = new PodExit("fd-7f9", "flink-main-container", PodExit.Role.JOB_MANAGER, 2, null, 0, null);
        Instant seen = Instant.parse("2026-12-04T02:00:00Z");
        assertThat(jm.notice(seen).kind()).isEqualTo(EventKind.JM_POD_ABNORMAL_EXIT);
        assertThat(jm.notice(seen).occurredAt()).isEqualTo(seen);
        assertThat(jm.message()).doesNotContain("()").contains("JobManager pod fd-7f9");
    }
}
