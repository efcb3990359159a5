package io.streamdesk.ui.copy;

import io.streamdesk.model.Job;
import io.streamdesk.service.CopyService;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyJobViewModelTest {
    final FakeServices services = new FakeServices();

    @Test
    void suggestsANameAndTheClustersAndShowsARefusalInline() {
        Job source = services.jobs().createSqlJob("orders", "/team");
        services.jobs().createSqlJob("taken", "/team");
        CopyJobViewModel vm = new CopyJobViewModel(services.copies(), List.of(source), TestContexts.synchronous(new ManualScheduler()));
        vm.load();
        assertThat(vm.nameProperty().get()).isEqualTo("orders-copy");
        assertThat(vm.folderProperty().get()).isEqualTo("/team");
        assertThat(vm.clusters()).extracting(p -> p.id()).containsExactly("local");

        AtomicReference<CopyService.CopyResult> done = new AtomicReference<>();
        vm.nameProperty().set("Taken");
        vm.copySingle(done::set);
        assertThat(done.get()).isNull();
        assertThat(vm.errorProperty().get()).contains("already exists");

        vm.nameProperty().set("orders 2");
        assertThat(vm.errorProperty().get()).as("editing the name clears the error").isEmpty();
        vm.copySingle(done::set);
        assertThat(done.get().copy().name()).isEqualTo("orders 2");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void severalJobsGetNoNameInTheirRequest() {
        Job a = services.jobs().createSqlJob("a", "/");
        Job b = services.jobs().createSqlJob("b", "/");
        CopyJobViewModel vm = new CopyJobViewModel(services.copies(), List.of(a, b), TestContexts.synchronous(new ManualScheduler()));
        vm.folderProperty().set("/copies");
        assertThat(vm.single()).isFalse();
        assertThat(vm.request()).isEqualTo(new CopyService.CopyRequest(null, "/copies", "local"));
    }
}
