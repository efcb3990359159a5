package io.streamdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdesk.model.Draft;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.metadata.TableTemplate;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.jobconfig.JobConfigService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * M3 end to end in the real app's services (H2 file, Flink's real checker, planner and job graph compiler; no cluster
 * is started): tables made in the Metadata pane's service are read and written by a job by their three-part names
 * without their DDL; the check, the compile and the publish see them; a table dropped later fails the job's check.
 */
class MetadataCatalogJobTest {
    @TempDir
    Path dataDir;

    private static final String JOB_SQL = """
            -- no DDL: both tables come from the metadata catalog
            INSERT INTO _dc._db.customer_totals
            SELECT customer_id, SUM(amount) FROM _dc._db.orders GROUP BY customer_id;
            """;

    @Test
    void aJobChecksCompilesAndPublishesWithCatalogTablesByThreePartName() {
        Job job;
        try (AppContext app = AppContext.open(dataDir, AppOptions.forTests())) {
            app.metadata().createTable("_dc", "_db", TableTemplate.byId("datagen").ddl("orders"));
            app.metadata().createTable("_dc", "_db", """
                    CREATE TABLE customer_totals (
                      customer_id INT,
                      total DECIMAL(38, 2),
                      PRIMARY KEY (customer_id) NOT ENFORCED
                    ) WITH ('connector' = 'blackhole')""");
            job = app.jobs().createSqlJob("totals", "/");
            Draft draft = app.jobs().saveDraft(job.id(), JOB_SQL);

            assertThat(app.jobs().check(job.id(), JOB_SQL)).isEmpty();
            JobConfigService.Validation v = app.jobConfig().validate(job.id(), JOB_SQL, draft.config());
            assertThat(v.graphError()).isNull();
            assertThat(v.graph()).get().satisfies(g -> assertThat(g.operators()).isNotEmpty());
            JobVersion published = app.jobs().publish(job.id(), "reads the catalog");
            assertThat(published.number()).isEqualTo(1);
        }
        // the catalog is in the database: a new process sees it, and its options can change but not its connector
        try (AppContext app = AppContext.open(dataDir, AppOptions.forTests())) {
            assertThat(app.metadata().table("_dc", "_db", "orders")).isPresent();
            Map<String, String> options = new LinkedHashMap<>();
            options.put("connector", "datagen");
            options.put("rows-per-second", "3");
            app.metadata().updateOptions("_dc", "_db", "orders", options);
            assertThat(app.jobs().check(job.id(), JOB_SQL)).isEmpty();
            options.put("connector", "kafka");
            assertThatThrownBy(() -> app.metadata().updateOptions("_dc", "_db", "orders", options))
                    .isInstanceOf(InputRejectedException.class).hasMessageContaining("connector cannot change");

            app.metadata().dropTable("_dc", "_db", "orders");
            assertThat(app.jobs().check(job.id(), JOB_SQL)).singleElement()
                    .satisfies(p -> {
                        assertThat(p.line()).isEqualTo(3);
                        assertThat(p.message()).contains("orders");
                    });
        }
    }
}
