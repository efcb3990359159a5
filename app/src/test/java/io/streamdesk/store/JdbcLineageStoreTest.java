package io.streamdesk.store;

import io.streamdesk.model.Job;
import io.streamdesk.model.lineage.LineageTable;
import io.streamdesk.model.lineage.TableOrigin;
import io.streamdesk.model.lineage.VersionLineage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Version lineage on H2 (V16): round trip, replace, lookup by table, gone with the version it belongs to. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcLineageStoreTest {

    @TempDir
    static Path dir;
    Database db;
    HibernateJobStore jobs;
    HibernateVersionStore versions;
    JdbcLineageStore store;
    Job job;

    private static final LineageTable ORDERS = new LineageTable("_dc._db.orders", TableOrigin.CATALOG, "kafka");
    private static final LineageTable SRC = new LineageTable("default_catalog.default_database.src", TableOrigin.SCRIPT,
            "datagen");
    private static final LineageTable SINK = new LineageTable("default_catalog.default_database.sink",
            TableOrigin.SCRIPT, "blackhole");

    @BeforeAll
    void open() {
        db = Database.open(dir);
        jobs = new HibernateJobStore(db);
        versions = new HibernateVersionStore(db);
        store = new JdbcLineageStore(db.dataSource());
    }

    /** A job of its own per test, with versions 1 and 2. */
    @BeforeEach
    void newJob() {
        job = jobs.create(TestJobs.newJob("lineage"));
        versions.publish(job.id(), "SELECT 1", "v1", "ana");
        versions.publish(job.id(), "SELECT 2", "v2", "ana");
    }

    @AfterAll
    void close() {
        db.close();
    }

    private VersionLineage lineage(int version, List<LineageTable> reads, List<LineageTable> writes, String problem) {
        return new VersionLineage(job.id(), version, reads, writes, problem,
                Instant.parse("2026-12-03T10:15:30.123456Z").plusSeconds(version));
    }

    /** This test's job's versions using the table (the database is shared by the tests of the class). */
    private List<VersionLineage> using(String table) {
        return store.usingTable(table).stream().filter(v -> v.jobId().equals(job.id())).toList();
    }

    @Test
    void roundTripsReadsWritesOriginsConnectorsAndTheProblem() {
        store.save(lineage(1, List.of(ORDERS, SRC), List.of(SINK), "1 statement(s) could not be read"));

        VersionLineage read = store.find(job.id(), 1).orElseThrow();
        assertThat(read.reads()).containsExactly(ORDERS, SRC);
        assertThat(read.writes()).containsExactly(SINK);
        assertThat(read.problem()).isEqualTo("1 statement(s) could not be read");
        assertThat(read.computedAt()).isEqualTo(Instant.parse("2026-12-03T10:15:31.123456Z"));
        assertThat(store.find(job.id(), 2)).isEmpty();
    }

    @Test
    void aVersionThatUsesNoTableIsStoredAsSuch() {
        store.save(lineage(2, List.of(), List.of(), ""));

        VersionLineage read = store.find(job.id(), 2).orElseThrow();
        assertThat(read.reads()).isEmpty();
        assertThat(read.writes()).isEmpty();
        assertThat(store.forJob(job.id())).extracting(VersionLineage::version).containsExactly(2);
    }

    @Test
    void savingAgainReplacesTheVersionsTables() {
        store.save(lineage(1, List.of(ORDERS, SRC), List.of(SINK), ""));
        store.save(lineage(1, List.of(SRC), List.of(SINK), ""));

        assertThat(store.find(job.id(), 1).orElseThrow().reads()).containsExactly(SRC);
        assertThat(using(ORDERS.name())).isEmpty();
    }

    @Test
    void usingTableFindsTheVersionsReadingOrWritingItInVersionOrder() {
        store.save(lineage(2, List.of(ORDERS), List.of(SINK), ""));
        store.save(lineage(1, List.of(ORDERS, SRC), List.of(SINK), ""));

        assertThat(using(ORDERS.name())).extracting(VersionLineage::version).containsExactly(1, 2);
        assertThat(using(SRC.name())).extracting(VersionLineage::version).containsExactly(1);
        // the whole lineage of each version comes back, not only the row that matched
        assertThat(using(SRC.name()).get(0).writes()).containsExactly(SINK);
        assertThat(using("_dc._db.nothing")).isEmpty();
    }

    @Test
    void deletingTheVersionDeletesItsLineage() {
        store.save(lineage(1, List.of(ORDERS), List.of(SINK), ""));
        store.save(lineage(2, List.of(ORDERS), List.of(SINK), ""));

        versions.delete(job.id(), 1);

        assertThat(store.forJob(job.id())).extracting(VersionLineage::version).containsExactly(2);
        assertThat(using(ORDERS.name())).extracting(VersionLineage::version).containsExactly(2);
    }

    @Test
    void aVersionThatDoesNotExistIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> store.save(lineage(9, List.of(ORDERS), List.of(), "")))
                .hasMessageContaining("Storing the lineage");
        assertThat(store.forJob(job.id())).isEmpty();
    }
}
