package io.streamdesk.app;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobType;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.jobtype.EtlSpec;
import io.streamdesk.model.jobtype.EtlSpec.FieldMapping;
import io.streamdesk.model.jobtype.EtlSpec.TableRef;
import io.streamdesk.model.jobtype.EtlSql;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.jobtypes.EtlJobService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ETL jobs (J1) on real parts without a cluster: H2 with Flyway (the form in V17's tables), the metadata catalog of the
 * app (M1, tables checked by Flink's parser when created), and the generated SQL checked by Flink's planner with the
 * catalog registered (E3, M3): a valid mapping passes, an expression over a missing column is an error at its line
 * and column of the generated text; publishing freezes the generated SQL and the form.
 */
class EtlJobOnRealStoresTest {
    static final TableRef ORDERS = new TableRef("_dc", "_db", "orders");
    static final TableRef CLEAN = new TableRef("_dc", "_db", "orders_clean");

    @TempDir
    static Path dataDir;
    static AppContext app;

    @BeforeAll
    static void open() {
        app = AppContext.open(dataDir, AppOptions.forTests());
        app.metadata().createTable("_dc", "_db", """
                CREATE TABLE orders (
                  id BIGINT,
                  name STRING,
                  amount DECIMAL(10, 2),
                  created TIMESTAMP(3)
                ) WITH ('connector' = 'datagen')""");
        app.metadata().createTable("_dc", "_db", """
                CREATE TABLE orders_clean (
                  id BIGINT,
                  customer STRING,
                  amount_cents BIGINT,
                  note STRING
                ) WITH ('connector' = 'blackhole')""");
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theGeneratedSqlIsCheckedWithTheCatalogAndFrozenWithItsFormAtPublish() {
        EtlJobService etl = app.etlJobs();
        Job job = app.jobs().createJob("orders-etl", "/etl", JobType.ETL);
        assertThat(etl.catalog().tables()).extracting(t -> t.qualifiedName())
                .contains(ORDERS.qualifiedName(), CLEAN.qualifiedName());
        assertThat(etl.columns(ORDERS)).extracting(c -> c.name()).containsExactly("id", "name", "amount", "created");

        EtlSpec good = new EtlSpec(ORDERS, CLEAN, List.of(
                new FieldMapping("id", "id"),
                new FieldMapping("customer", "UPPER(name)"),
                new FieldMapping("amount_cents", "CAST(amount * 100 AS BIGINT)"),
                new FieldMapping("note", "")), "amount > 0");
        assertThat(etl.check(job.id(), good)).isEmpty();

        EtlSpec wrong = good.withMappings(List.of(new FieldMapping("id", "id"),
                new FieldMapping("customer", "UPPER(nickname)")));
        List<SqlProblem> problems = etl.check(job.id(), wrong);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("nickname");
            assertThat(p.line()).isEqualTo(5); // header, INSERT, SELECT, `id`, then UPPER(nickname)
            assertThat(p.column()).isEqualTo(9);
        });
        String wrongSql = etl.generate(wrong).sql();
        assertThat(wrongSql.lines().toList().get(4)).isEqualTo("  UPPER(nickname) AS `customer`");

        // an incomplete form is saved (the page reopens it) but not published
        etl.save(job.id(), good.withSink(null));
        assertThat(etl.draft(job.id()).sink()).isNull();
        assertThatThrownBy(() -> app.jobs().publish(job.id(), "incomplete")).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("Sink: choose the table the job writes.");

        etl.save(job.id(), good);
        String sql = app.jobs().draft(job.id()).orElseThrow().sql();
        assertThat(sql).isEqualTo(EtlSql.generate(good, List.of("id", "name", "amount", "created")).sql())
                .contains("INSERT INTO `_dc`.`_db`.`orders_clean` (`id`, `customer`, `amount_cents`)")
                .contains("WHERE amount > 0;");
        JobVersion v1 = app.jobs().publish(job.id(), "orders cleaned");
        assertThat(v1.sql()).isEqualTo(sql);
        assertThat(etl.version(job.id(), 1)).contains(good);

        // the draft moves on; the version keeps what it froze
        etl.save(job.id(), good.withFilter("amount > 100"));
        assertThat(etl.version(job.id(), 1)).contains(good);
        assertThat(app.jobs().version(job.id(), 1).sql()).contains("WHERE amount > 0;");
    }
}
