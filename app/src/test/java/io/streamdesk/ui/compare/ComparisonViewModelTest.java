package io.streamdesk.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import io.streamdesk.ui.task.UiContext;
import io.streamdesk.ui.versions.VersionsViewModel;
import org.junit.jupiter.api.Test;

class ComparisonViewModelTest {
    private final FakeServices services = new FakeServices();
    private final UiContext ctx = TestContexts.synchronous(new ManualScheduler());
    private final Job job = services.jobs().createSqlJob("orders", "/");
    private final VersionsViewModel versions = new VersionsViewModel(job.id(), services.jobs(), ctx);

    private void publish(String sql) {
        services.jobs().saveDraft(job.id(), sql);
        services.jobs().publish(job.id(), "v");
    }

    @Test
    void loadsCountsAndStepsThroughChanges() {
        publish("SET 'a' = '1';\nSELECT 1;\nSELECT 2;\nSELECT 3;\n");
        publish("SET 'a' = '2';\nSELECT 1;\nSELECT 20;\nSELECT 3;\nSELECT 4;\n");
        // either order of selection puts the older version on the left
        ComparisonViewModel vm = versions.compareVersions(2, 1);
        assertThat(vm.title()).isEqualTo("v1 ↔ v2");
        vm.load();
        assertThat(vm.leftTitleProperty().get()).startsWith("v1");
        assertThat(vm.summaryProperty().get()).isEqualTo("3 changes (+1 ~2 lines)");
        assertThat(vm.changeCountProperty().get()).isEqualTo(3);
        assertThat(vm.currentChangeProperty().get()).isEqualTo(-1);
        assertThat(vm.canPreviousProperty().get()).isFalse();

        vm.next();
        assertThat(vm.currentChangeTextProperty().get()).isEqualTo("Change 1 of 3 — Changed: line 1 → line 1");
        vm.next();
        vm.next();
        assertThat(vm.currentChangeTextProperty().get()).isEqualTo("Change 3 of 3 — Added: line 5");
        assertThat(vm.canNextProperty().get()).isFalse();
        vm.next();
        assertThat(vm.currentChangeProperty().get()).isEqualTo(2);
        vm.previous();
        assertThat(vm.currentBlock().index()).isEqualTo(1);

        assertThat(vm.configChanges()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("SQL SET: a");
            assertThat(c.oldValue()).isEqualTo("1");
            assertThat(c.newValue()).isEqualTo("2");
        });
        assertThat(vm.configSummaryProperty().get()).isEqualTo("1 configuration key differs");
    }

    @Test
    void identicalVersionsSaySo() {
        publish("SELECT 1;\n");
        publish("SELECT 1;\n");
        ComparisonViewModel vm = versions.compareVersions(1, 2);
        vm.load();
        assertThat(vm.summaryProperty().get()).isEqualTo("Versions are identical");
        assertThat(vm.comparisonProperty().get().identical()).isTrue();
        assertThat(vm.canNextProperty().get()).isFalse();
    }

    @Test
    void theDraftSideIsTheEditorsTextAndTogglingWhitespaceRecompares() {
        publish("SELECT 1;\n");
        ComparisonViewModel vm = versions.compareWithDraft(1, "SELECT 1;   \n");
        vm.load();
        assertThat(vm.rightTitleProperty().get()).isEqualTo("Draft");
        assertThat(vm.changeCountProperty().get()).isEqualTo(1);
        vm.ignoreTrailingWhitespaceProperty().set(true);
        assertThat(vm.summaryProperty().get()).isEqualTo("Versions are identical");
        assertThat(vm.notesProperty().get()).contains("trailing whitespace");
    }

    @Test
    void aFailureIsShownNotThrown() {
        publish("SELECT 1;\n");
        ComparisonViewModel vm = versions.compareVersions(1, 7);
        vm.load();
        assertThat(vm.errorProperty().get()).contains("no version 7");
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void deletingNeverTouchesTheRunningVersion() {
        publish("SELECT 1;\n");
        publish("SELECT 2;\n");
        services.clusters().startAll();
        services.runs().run(job.id(), 1, io.streamdesk.service.RestoreChoice.fresh());
        assertThat(services.jobs().job(job.id()).status()).isEqualTo(JobStatus.RUNNING);
        versions.setOnlineVersion(1);
        versions.refresh();
        assertThat(versions.canDelete(versions.rows().get(1))).isFalse();
        assertThat(versions.canDelete(versions.rows().get(0))).isTrue();

        versions.delete(1);
        assertThat(versions.errorProperty().get()).contains("v1").contains("running");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> services.jobs().deleteVersion(job.id(), 1))
                .isInstanceOf(InputRejectedException.class);
        versions.delete(2);
        assertThat(versions.rows()).extracting(VersionsViewModel.VersionRow::number).containsExactly(1);
        // the deleted (newest) number is not handed out again
        services.jobs().saveDraft(job.id(), "SELECT 3;\n");
        assertThat(services.jobs().publish(job.id(), "next").number()).isEqualTo(3);
    }
}
