package io.streamdesk.ui.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobVersion;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublishViewModelTest {
    private final FakeServices services = new FakeServices();
    private final ManualScheduler scheduler = new ManualScheduler();
    private JobPageViewModel page;
    private Job job;

    @BeforeEach
    void setUp() {
        job = services.jobs().createSqlJob("j", "/");
        page = new JobPageViewModel(job.id(), services.jobs(), services.runs(), services.jobConfig(),
                services.versionRuns(), TestContexts.synchronous(scheduler));
        page.open();
    }

    @Test
    void refusesAnEmptyDescriptionWithAnInlineError() {
        page.editor().onTextEdited("SELECT 1");
        PublishViewModel vm = page.newPublishDialog();
        List<JobVersion> published = new ArrayList<>();
        vm.descriptionProperty().set("   ");
        vm.publish(published::add);
        assertThat(published).isEmpty();
        assertThat(vm.errorProperty().get()).startsWith("Description");
        assertThat(services.jobs().versions(job.id())).isEmpty();

        vm.descriptionProperty().set("first cut");
        assertThat(vm.errorProperty().get()).isEmpty(); // the error goes once the field is filled
    }

    @Test
    void publishesTheEditorTextEvenIfNotYetAutosaved() {
        page.editor().onTextEdited("SELECT 1");
        PublishViewModel vm = page.newPublishDialog();
        vm.descriptionProperty().set("first cut");
        List<JobVersion> published = new ArrayList<>();
        vm.publish(published::add);
        assertThat(published).extracting(JobVersion::number).containsExactly(1);
        assertThat(published.get(0).sql()).isEqualTo("SELECT 1");
        assertThat(page.editor().dirtyProperty().get()).isFalse();
        assertThat(page.versions().rows()).extracting(r -> r.number()).containsExactly(1);
    }

    @Test
    void showsTheServiceRefusalAndMarksTheSqlProblems() {
        page.editor().onTextEdited("-- broken\nSELEC 1");
        PublishViewModel vm = page.newPublishDialog();
        vm.descriptionProperty().set("broken");
        List<JobVersion> published = new ArrayList<>();
        vm.publish(published::add);
        assertThat(published).isEmpty();
        assertThat(vm.errorProperty().get()).contains("line 2").contains("column 1");
        assertThat(page.editor().problems()).extracting(p -> p.line()).containsExactly(2);
        assertThat(vm.publishingProperty().get()).isFalse();
    }
}
