package io.streamdesk.app;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobResources;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.SqlProblem;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.variables.VariableService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Variables on real parts (M6, V1): H2 with Flyway (V15), Flink's own checker and planner, and the local cluster child
 * running real Flink 2.3.0. Before issue 12 the script below failed at planning ("Unable to create a source" for the
 * literal {@code ${rate}}); now the check resolves its variables, and a version runs with the values it froze at
 * publish: the bounded source's row count, a variable, is the count Flink reports for the run.
 */
class VariablesOnLocalClusterTest {
    static final String SCRIPT = """
            -- rows and rate come from variables
            CREATE TABLE src (v BIGINT) WITH ('connector' = 'datagen',
                'rows-per-second' = '${rate}', 'number-of-rows' = '${rows}');
            CREATE TABLE snk (v BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO snk SELECT v FROM src;
            """;

    @TempDir
    static Path dataDir;
    static AppContext app;

    @BeforeAll
    static void open() {
        app = AppContext.open(dataDir, AppOptions.forTests());
        app.clusters().startAll();
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aVersionRunsOnTheLocalClusterWithTheValuesItFroze() {
        VariableService variables = app.variables();
        Job job = app.jobs().createSqlJob("variables", "/vars");
        app.jobs().saveDraft(job.id(), SCRIPT, JobConfig.defaults().withResources(new JobResources(1, 1, 2)));

        // unknown: the check names each variable at its line and column
        List<SqlProblem> unknown = app.jobs().check(job.id(), SCRIPT);
        assertThat(unknown).extracting(SqlProblem::line, SqlProblem::column, p -> p.message().contains("Unknown variable"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, 26, true),
                        org.assertj.core.groups.Tuple.tuple(3, 56, true));
        assertThat(unknown.get(0).message()).contains("'rate'");

        variables.add("rate", "1000", false, "rows per second of the generator");
        variables.add("rows", "40", false, "how many rows the generator makes");
        assertThat(app.jobs().check(job.id(), SCRIPT)).isEmpty();
        app.jobs().publish(job.id(), "40 rows");

        variables.edit("rows", "90", false, "changed after v1");
        JobRun first = runToTheEnd(job, 1);
        assertThat(first.recordsWritten()).isEqualTo(40); // what v1 froze, not the current 90

        app.jobs().publish(job.id(), "90 rows");
        JobRun second = runToTheEnd(job, 2);
        assertThat(second.recordsWritten()).isEqualTo(90);
    }

    private static JobRun runToTheEnd(Job job, int version) {
        int before = app.runs().runs(job.id()).size();
        Job ran = app.runs().run(job.id(), version, RestoreChoice.fresh());
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (ran.status() != JobStatus.FINISHED && System.nanoTime() < deadline) {
            sleep();
            ran = app.jobs().job(job.id());
        }
        assertThat(ran.status()).as("job %s", ran).isEqualTo(JobStatus.FINISHED);
        List<JobRun> runs = app.runs().runs(job.id());
        assertThat(runs).hasSize(before + 1);
        return runs.stream().filter(r -> r.version() == version).reduce((a, b) -> b.instance() > a.instance() ? b : a)
                .orElseThrow();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
