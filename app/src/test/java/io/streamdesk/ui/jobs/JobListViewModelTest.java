package io.streamdesk.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobListViewModelTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeServices services = new FakeServices();
    private JobListViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        services.jobs().createSqlJob("orders-enrichment", "/");
        Thread.sleep(2); // distinct creation instants for the default order
        services.jobs().createSqlJob("clicks-sessionizer", "/web");
        Thread.sleep(2);
        services.jobs().createSqlJob("Orders audit", "/");
        vm = new JobListViewModel(TestContexts.synchronous(scheduler));
        vm.attach(services.jobs());
    }

    @Test
    void listsNewestFirstByDefault() {
        assertThat(vm.rows()).extracting(JobRow::name)
                .containsExactly("Orders audit", "clicks-sessionizer", "orders-enrichment");
    }

    @Test
    void filterMatchesNameCaseInsensitivelyAndId() {
        vm.filterTextProperty().set("ORDERS");
        assertThat(vm.rows()).extracting(JobRow::name).containsExactlyInAnyOrder("Orders audit", "orders-enrichment");

        String id = vm.rows().get(0).id();
        vm.filterTextProperty().set(id.substring(4));
        assertThat(vm.rows()).extracting(JobRow::id).containsExactly(id);

        vm.filterTextProperty().set("  ");
        assertThat(vm.rows()).hasSize(3);
    }

    @Test
    void emptyTextTellsNoMatchFromNoJobs() {
        assertThat(vm.emptyTextProperty().get()).startsWith("No jobs yet");
        vm.filterTextProperty().set("zzz");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("No job matches \u201czzz\u201d");
        JobListViewModel empty = new JobListViewModel(TestContexts.synchronous(scheduler));
        assertThat(empty.emptyTextProperty().get()).isEqualTo("No jobs yet — create one with New SQL job (Ctrl+N)");
    }

    @Test
    void sortsByTheTableComparatorAndFallsBackToNewestFirst() {
        vm.comparatorProperty().set(Comparator.comparing(JobRow::name, String.CASE_INSENSITIVE_ORDER));
        assertThat(vm.rows()).extracting(JobRow::name)
                .containsExactly("clicks-sessionizer", "Orders audit", "orders-enrichment");
        vm.comparatorProperty().set(null);
        assertThat(vm.rows().get(0).name()).isEqualTo("Orders audit");
    }

    @Test
    void jobChangesFromTheServiceUpdateRowsInPlace() {
        JobRow before = vm.rows().stream().filter(r -> r.name().equals("orders-enrichment")).findFirst().orElseThrow();
        services.jobs().rename(before.job().id(), "orders-enriched");
        assertThat(vm.rows()).hasSize(3);
        assertThat(before.name()).isEqualTo("orders-enriched");

        services.jobs().createSqlJob("new one", "/");
        assertThat(vm.rows()).hasSize(4);
        assertThat(vm.rows().get(0).name()).isEqualTo("new one");
    }

    @Test
    void runTimesTickEverySecond() {
        JobRow row = vm.rows().get(0);
        Job running = row.job().running(1, 1, "f", scheduler.now());
        vm.upsert(running);
        assertThat(row.currentRunTimeProperty().get()).isEqualTo("0s");
        scheduler.advance(Duration.ofSeconds(65));
        assertThat(row.currentRunTimeProperty().get()).isEqualTo("1m 05s");
        assertThat(row.totalRunTimeProperty().get()).isEqualTo("1m 05s");
        assertThat(vm.rows().get(1).currentRunTimeProperty().get()).isEqualTo("—");
    }

    @Test
    void openForwardsTheJobId() {
        var opened = new java.util.ArrayList<String>();
        vm.setOnOpen(id -> opened.add(id.value()));
        vm.open(vm.rows().get(1));
        vm.open(null);
        assertThat(opened).containsExactly(vm.rows().get(1).id());
    }

    @Test
    void disposeStopsListening() {
        vm.dispose();
        services.jobs().createSqlJob("after dispose", "/");
        assertThat(vm.rows()).hasSize(3);
        assertThat(scheduler.pending()).isZero();
        assertThat(Instant.now()).isNotNull();
    }

    @Test
    void clusterColumnShowsTheClustersNameAndFollowsRenames() {
        assertThat(vm.rows()).extracting(JobRow::cluster).containsOnly("local"); // before the names are read
        Runnable[] onChange = new Runnable[1];
        java.util.Map<String, String> names = new java.util.HashMap<>(java.util.Map.of("local", "Local cluster"));
        vm.attachClusterNames(() -> java.util.Map.copyOf(names), listener -> onChange[0] = listener);
        assertThat(vm.rows()).extracting(JobRow::cluster).containsOnly("Local cluster");

        names.put("local", "Laptop");
        onChange[0].run();
        assertThat(vm.rows()).extracting(r -> r.clusterNameProperty().get()).containsOnly("Laptop");
        services.jobs().createSqlJob("after the names", "/");
        assertThat(vm.rows().get(0).cluster()).isEqualTo("Laptop");
    }
}
