package io.streamdesk.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Autosave debounce (E4) and checking, against the real JobService over in-memory stores. */
class SqlEditorViewModelTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeServices services = new FakeServices();
    private Job job;
    private SqlEditorViewModel vm;

    @BeforeEach
    void setUp() {
        job = services.jobs().createSqlJob("j", "/");
        vm = new SqlEditorViewModel(job.id(), services.jobs(), TestContexts.synchronous(scheduler));
        vm.load();
    }

    @Test
    void savesOnceAfterTypingPauses() {
        vm.onTextEdited("SE");
        scheduler.advance(Duration.ofMillis(300));
        vm.onTextEdited("SEL");
        assertThat(vm.dirtyProperty().get()).isTrue();
        scheduler.advance(Duration.ofMillis(999)); // 1 s of quiet after the last keystroke is not over yet
        assertThat(services.jobStore.saves).isZero();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(services.jobStore.saves).isEqualTo(1);
        assertThat(services.jobs().draft(job.id()).orElseThrow().sql()).isEqualTo("SEL");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.isAutosavePending()).isFalse();
    }

    @Test
    void continuousTypingStillSavesWithinTwoSeconds() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) { // 40 keystrokes, 200 ms apart: 8 s of typing without a pause
            text.append('x');
            vm.onTextEdited(text.toString());
            scheduler.advance(Duration.ofMillis(200));
            String saved = services.jobs().draft(job.id()).map(d -> d.sql()).orElse("");
            // what is on disk is never more than 2 s (10 keystrokes) behind
            assertThat(text.length() - saved.length()).isLessThanOrEqualTo(10);
        }
        assertThat(services.jobStore.saves).isBetween(4, 8);
    }

    @Test
    void undoingBackToTheSavedTextClearsTheMarkerWithoutSaving() {
        vm.onTextEdited("a");
        scheduler.advance(Duration.ofSeconds(2));
        int saves = services.jobStore.saves;
        vm.onTextEdited("ab");
        vm.onTextEdited("a");
        assertThat(vm.dirtyProperty().get()).isFalse();
        scheduler.advance(Duration.ofSeconds(3));
        assertThat(services.jobStore.saves).isEqualTo(saves);
    }

    @Test
    void saveNowCommitsAtOnceAndCancelsTheTimer() {
        vm.onTextEdited("SELECT 1");
        vm.save();
        assertThat(services.jobStore.saves).isEqualTo(1);
        assertThat(vm.dirtyProperty().get()).isFalse();
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(services.jobStore.saves).isEqualTo(1);
    }

    @Test
    void loadShowsTheSavedDraft() {
        services.jobs().saveDraft(job.id(), "SELECT 42");
        SqlEditorViewModel other = new SqlEditorViewModel(job.id(), services.jobs(), TestContexts.synchronous(scheduler));
        other.load();
        assertThat(other.loadedTextProperty().get()).isEqualTo("SELECT 42");
        assertThat(other.dirtyProperty().get()).isFalse();
    }

    @Test
    void checkShowsProblemsAndTheirMarkers() {
        String sql = "CREATE TABLE t (a INT);\nSELEC a FROM t;";
        vm.onTextEdited(sql);
        vm.check();
        assertThat(vm.problems()).hasSize(1);
        assertThat(vm.problems().get(0).line()).isEqualTo(2);
        assertThat(vm.checkSummaryProperty().get()).isEqualTo("1 problem");
        ProblemMarkers.Marker m = vm.markers(sql).get(0);
        assertThat(sql.substring(m.start(), m.end())).isEqualTo("SELEC");
        assertThat(m.paragraph()).isEqualTo(1);

        vm.onTextEdited("CREATE TABLE t (a INT);\nSELECT a FROM t;");
        vm.check();
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.checkSummaryProperty().get()).isEqualTo("No problems");
    }
}
