package io.streamdesk.service.lineage;

import io.streamdesk.flink.sql.FlinkLineageExtractor;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.lineage.JobLineage;
import io.streamdesk.model.lineage.TableAccess;
import io.streamdesk.model.lineage.TableLineage;
import io.streamdesk.model.lineage.TableUsage;
import io.streamdesk.model.lineage.VersionLineage;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lineage across versions with Flink's real parser (M5): v1 and v2 read {@code t}, v3 no longer does; each publish
 * records its version's tables; versions published before are read by the backfill.
 */
class LineageServiceTest {

    private static final String DDL = """
            CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'datagen');
            CREATE TABLE u (id INT, name STRING) WITH ('connector' = 'datagen');
            CREATE TABLE out_a (id INT, name STRING) WITH ('connector' = 'blackhole');
            CREATE TABLE out_b (id INT, name STRING) WITH ('connector' = 'blackhole');
            """;
    private static final String T = "default_catalog.default_database.t";
    private static final String U = "default_catalog.default_database.u";
    private static final String OUT_A = "default_catalog.default_database.out_a";

    @TempDir
    Path dir;

    private static JobVersion publish(FakeServices s, Job job, String sql, String description) {
        s.jobs().saveDraft(job.id(), sql);
        return s.jobs().publish(job.id(), description);
    }

    @Test
    void aTableDroppedByVersionThreeIsShownAsUsedByTheFirstTwoOnly() {
        FakeServices s = new FakeServices(dir);
        s.lineageExtractor.use(new FlinkLineageExtractor());
        Job job = s.jobs().createSqlJob("orders", "/");
        publish(s, job, DDL + "INSERT INTO out_a SELECT id, name FROM t;", "v1");
        publish(s, job, DDL + "INSERT INTO out_a SELECT t.id, u.name FROM t JOIN u ON t.id = u.id;", "v2");
        publish(s, job, DDL + "INSERT INTO out_b SELECT id, name FROM u;", "v3");

        // recorded at publish: nothing is left to read
        assertThat(s.lineageStore.forJob(job.id())).extracting(VersionLineage::version).containsExactly(1, 2, 3);
        int parsed = s.lineageExtractor.scripts.size();

        JobLineage lineage = s.lineage().forJob(job.id());
        assertThat(s.lineageExtractor.scripts).hasSize(parsed);
        assertThat(lineage.pending()).isEmpty();
        assertThat(lineage.versionNumbers()).containsExactly(1, 2, 3);
        TableUsage t = usage(lineage.usages(), T, TableAccess.READ);
        assertThat(t.versions()).containsExactly(1, 2);
        assertThat(t.dropped()).isTrue();
        assertThat(t.describe()).isEqualTo("read by v1\u2013v2, not by v3");
        TableUsage u = usage(lineage.usages(), U, TableAccess.READ);
        assertThat(u.versions()).containsExactly(2, 3);
        assertThat(u.dropped()).isFalse();
        assertThat(usage(lineage.usages(), OUT_A, TableAccess.WRITE).describe())
                .isEqualTo("written by v1\u2013v2, not by v3");

        TableLineage table = s.lineage().forTable(T);
        assertThat(table.jobs()).hasSize(1);
        assertThat(table.jobs().get(0).versions()).extracting(VersionLineage::version).containsExactly(1, 2);
        assertThat(table.jobs().get(0).usages()).singleElement()
                .satisfies(x -> assertThat(x.describe()).isEqualTo("read by v1\u2013v2, not by v3"));
        assertThat(s.lineage().forTable("_dc._db.unknown").jobs()).isEmpty();
    }

    @Test
    void versionsPublishedBeforeLineageExistedAreReadByTheBackfillOnce() {
        FakeServices s = new FakeServices(dir);
        Job job = s.jobs().createSqlJob("older", "/");
        // published while the extractor read nothing: as if lineage did not exist yet
        s.versionStore.publish(job.id(), DDL + "INSERT INTO out_a SELECT id, name FROM t;", "v1", "ana");
        s.versionStore.publish(job.id(), DDL + "INSERT INTO out_b SELECT id, name FROM u;", "v2", "ana");
        s.lineageExtractor.use(new FlinkLineageExtractor());

        assertThat(s.lineage().backfill()).isEqualTo(2);
        assertThat(s.lineage().backfill()).isZero();

        assertThat(s.lineage().forTable(T).jobs().get(0).usages().get(0).describe())
                .isEqualTo("read by v1, not by v2");
        assertThat(s.lineageStore.find(job.id(), 2).orElseThrow().writes())
                .extracting(x -> x.name()).containsExactly("default_catalog.default_database.out_b");
    }

    @Test
    void aJobPageReadsVersionsWithoutLineageOnDemandAndDeletedVersionsAreNotShown() {
        FakeServices s = new FakeServices(dir);
        Job job = s.jobs().createSqlJob("lazy", "/");
        s.versionStore.publish(job.id(), DDL + "INSERT INTO out_a SELECT id, name FROM t;", "v1", "ana");
        s.versionStore.publish(job.id(), DDL + "INSERT INTO out_a SELECT id, name FROM u;", "v2", "ana");
        s.lineageExtractor.use(new FlinkLineageExtractor());

        JobLineage lineage = s.lineage().forJob(job.id());
        assertThat(lineage.versions()).extracting(VersionLineage::version).containsExactly(1, 2);

        s.jobs().deleteVersion(job.id(), 1);
        s.lineageStore.forget(job.id(), 1); // the database cascades; the in-memory twin is told
        assertThat(s.lineage().forJob(job.id()).versionNumbers()).containsExactly(2);
        assertThat(s.lineage().forTable(T).jobs()).isEmpty();
    }

    @Test
    void aScriptWithAStatementFlinkRefusesKeepsTheTablesOfTheOthersAndSaysWhere() {
        FakeServices s = new FakeServices(dir);
        s.lineageExtractor.use(new FlinkLineageExtractor());
        Job job = s.jobs().createSqlJob("broken", "/");
        s.versionStore.publish(job.id(), DDL + "INSERT INTO out_a SELECT id, nope FROM t;\n"
                + "INSERT INTO out_b SELECT id, name FROM u;", "v1", "ana");

        VersionLineage v1 = s.lineage().forJob(job.id()).versions().get(0);
        assertThat(v1.problem()).startsWith("1 statement(s) could not be read; the first at line 5").contains("nope");
        assertThat(v1.reads()).extracting(x -> x.name()).containsExactly(U);
    }

    private static TableUsage usage(List<TableUsage> usages, String table, TableAccess access) {
        return usages.stream().filter(x -> x.table().name().equals(table) && x.access() == access).findFirst()
                .orElseThrow(() -> new AssertionError(table + " " + access + " not in " + usages));
    }
}
