package io.streamdesk.app;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.OperationFailedException;
import io.streamdesk.service.RestoreChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run while the local cluster cannot come up: the child JVM is given a heap too small to start, so it exits at
 * once (a real failed start, not a stub). The run must fail with a clear message, and the job must go back to its
 * actual status carrying a warning with a suggested fix.
 */
class RunWhenClusterDownTest {

    @Test
    void runFailsClearlyAndTheJobKeepsItsActualStatus(@TempDir Path dataDir) {
        try (AppContext app = AppContext.open(dataDir, AppOptions.forTests().withClusterHeap("1k"))) {
            Job job = app.jobs().createSqlJob("down", "/");
            app.jobs().saveDraft(job.id(), JobLifecycleTest.SQL);
            app.jobs().publish(job.id(), "v1");

            assertThatThrownBy(() -> app.runs().run(job.id(), 1, RestoreChoice.fresh()))
                    .isInstanceOf(OperationFailedException.class)
                    .hasMessageContaining("Local cluster is not running")
                    .satisfies(e -> assertThat(((OperationFailedException) e).suggestedFix()).contains("Restart"));

            Job after = app.jobs().job(job.id());
            assertThat(after.status()).isEqualTo(JobStatus.STOPPED);
            assertThat(after.warning()).isNotNull();
            assertThat(after.warning().operation()).isEqualTo("Run");
            assertThat(after.warning().message()).contains("not running");
            assertThat(after.runInstance()).isZero();
            assertThat(app.runs().events(job.id())).extracting(e -> e.kind()).contains(EventKind.OPERATION_FAILED);
        }
    }
}
