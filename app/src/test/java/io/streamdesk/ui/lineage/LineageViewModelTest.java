package io.streamdesk.ui.lineage;

import io.streamdesk.flink.sql.FlinkLineageExtractor;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lineage view model over the real service and Flink's parser: graph, lines, clicks, empty states. */
class LineageViewModelTest {

    @TempDir
    Path dir;

    private static final String DDL = "CREATE TABLE t (id INT) WITH ('connector' = 'datagen');\n"
            + "CREATE TABLE s (id INT) WITH ('connector' = 'blackhole');\n";

    @Test
    void aJobsGraphShowsItsVersionsAndTablesAndAClickOpensTheVersion() {
        FakeServices services = new FakeServices(dir);
        services.lineageExtractor.use(new FlinkLineageExtractor());
        Job job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), DDL + "INSERT INTO s SELECT id FROM t;");
        services.jobs().publish(job.id(), "v1");
        List<String> opened = new ArrayList<>();
        LineageViewModel vm = LineageViewModel.forJob(job.id(), services::lineage,
                TestContexts.synchronous(new ManualScheduler()), (id, n) -> opened.add(id.value() + " v" + n), null);

        vm.refresh();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.graphProperty().get().nodes()).extracting(LineageGraph.Node::title)
                .containsExactlyInAnyOrder("v1", "t", "s");
        assertThat(vm.layoutProperty().get().nodes()).hasSize(3);
        assertThat(vm.usages()).containsExactly("t: read by v1", "s: written by v1");
        LineageGraph.Node v1 = vm.graphProperty().get().nodes().stream()
                .filter(n -> n.kind() == LineageGraph.Kind.VERSION).findFirst().orElseThrow();
        vm.open(v1);
        assertThat(opened).containsExactly(job.id().value() + " v1");
    }

    @Test
    void aJobWithoutVersionsAndAnUnusedTableSayWhyTheGraphIsEmpty() {
        FakeServices services = new FakeServices(dir);
        Job job = services.jobs().createSqlJob("draft only", "/");
        LineageViewModel forJob = LineageViewModel.forJob(job.id(), services::lineage,
                TestContexts.synchronous(new ManualScheduler()), null, null);
        forJob.refresh();
        assertThat(forJob.graphProperty().get().isEmpty()).isTrue();
        assertThat(forJob.messageProperty().get()).startsWith("No published version yet");

        List<String> tables = new ArrayList<>();
        LineageViewModel forTable = LineageViewModel.forTable("_dc._db.orders", services::lineage,
                TestContexts.synchronous(new ManualScheduler()), null, tables::add);
        forTable.refresh();
        assertThat(forTable.messageProperty().get()).isEqualTo("No published version reads or writes _dc._db.orders.");
    }

    @Test
    void anUnknownJobIsAnErrorNotAnEmptyGraph() {
        FakeServices services = new FakeServices(dir);
        LineageViewModel vm = LineageViewModel.forJob(new JobId("cql-nonexist"), services::lineage,
                TestContexts.synchronous(new ManualScheduler()), null, null);
        vm.refresh();
        assertThat(vm.errorProperty().get()).startsWith("Could not read the lineage: No job with ID cql-nonexist");
    }
}
