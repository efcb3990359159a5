package io.streamdesk.app;

import io.streamdesk.model.JobId;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.compare.CompareOptions;
import io.streamdesk.service.compare.CompareService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S2 on real parts: a job whose datagen options take their value from a secret (${secret:id} in the SQL) runs on the
 * local Flink cluster with the value (the print sink writes rows that can only come from it into the child's
 * output), while the draft, the version, the comparison and the cluster's log hold only the reference.
 */
class SqlSecretOnLocalClusterTest {
    private static final String VALUE = "918273";

    @Test
    void theSecretReachesFlinkAndNothingStoredHasIt(@TempDir Path dataDir) throws Exception {
        try (AppContext app = AppContext.open(dataDir, AppOptions.forTests())) {
            app.clusters().startAll();
            JobId job = app.jobs().createSqlJob("secret-rows", "/").id();
            String ref = app.jobs().sqlSecrets().storeAsSecret(job, "fields.v.min", VALUE);
            String sql = """
                    CREATE TABLE src (v INT) WITH ('connector' = 'datagen', 'rows-per-second' = '5',
                      'fields.v.min' = '%1$s', 'fields.v.max' = '%1$s');
                    CREATE TABLE snk (v INT) WITH ('connector' = 'print', 'print-identifier' = 'secretrows');
                    INSERT INTO snk SELECT v FROM src;
                    """.formatted(ref);
            app.jobs().saveDraft(job, sql);
            assertThat(app.jobs().check(sql)).isEmpty();
            int v1 = app.jobs().publish(job, "from a secret").number();
            app.runs().run(job, v1, RestoreChoice.fresh());

            Path out = dataDir.resolve("logs").resolve("local-cluster.log.out");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(Files.exists(out) && Files.readString(out).contains("+I[" + VALUE + "]"))) {
                assertThat(System.nanoTime()).as("rows with the secret's value in %s", out).isLessThan(deadline);
                Thread.sleep(200);
            }
            app.runs().stop(job, false);

            assertThat(app.jobs().draft(job).orElseThrow().sql()).isEqualTo(sql).doesNotContain(VALUE);
            assertThat(app.jobs().version(job, v1).sql()).doesNotContain(VALUE);
            String shown = new CompareService(app.jobs()).compareWithDraftText(job, v1,
                    sql.replace("'5'", "'6'"), CompareOptions.defaults()).toString();
            assertThat(shown).contains(ref).doesNotContain(VALUE);
            assertThat(Files.readString(dataDir.resolve("logs").resolve("local-cluster.log"))).doesNotContain(VALUE);
            assertThat(app.runs().events(job)).allSatisfy(e -> assertThat(e.toString()).doesNotContain(VALUE));

            // a run that fails while starting: Flink quotes the secret path in its cause; the app never shows it
            JobId failing = app.jobs().createSqlJob("secret-path", "/").id();
            String pathRef = app.jobs().sqlSecrets().storeAsSecret(failing, "path", "file://" + HOST + "/tmp/out");
            String failingSql = """
                    CREATE TABLE src (v INT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');
                    CREATE TABLE snk (v INT) WITH ('connector' = 'filesystem', 'path' = '%s', 'format' = 'csv');
                    INSERT INTO snk SELECT v FROM src;
                    """.formatted(pathRef);
            app.jobs().saveDraft(failing, failingSql);
            int f1 = app.jobs().publish(failing, "path from a secret").number();
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                    () -> app.runs().run(failing, f1, RestoreChoice.fresh()));
            assertThat(refused).as("the run fails (at submit or while starting)").isNotNull();
            for (Throwable c = refused; c != null && c.getCause() != c; c = c.getCause()) {
                assertThat(String.valueOf(c.getMessage())).doesNotContain(HOST);
            }
            assertThat(app.jobs().job(failing).warning()).satisfiesAnyOf(
                    w -> assertThat(w).isNull(), w -> assertThat(w.toString()).doesNotContain(HOST));
            assertThat(app.runs().events(failing)).allSatisfy(e -> assertThat(e.toString()).doesNotContain(HOST));
        }
    }

    /** The authority of a secret file URI: Flink rejects a local path with one and quotes it in the cause. */
    private static final String HOST = "secret-host-4711";
}
