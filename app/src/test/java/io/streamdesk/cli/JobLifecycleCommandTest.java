package io.streamdesk.cli;

import io.streamdesk.testing.FakeServices;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** publish, run, stop and status over real services on in-memory ports and a fake cluster. */
class JobLifecycleCommandTest {
    @TempDir
    Path dir;
    FakeServices services;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        services = new FakeServices(dir);
        cli = new CliRunner(() -> services);
    }

    private String create(String sql) throws IOException {
        Path file = Files.writeString(dir.resolve("job-" + System.nanoTime() + ".sql"), sql);
        return cli.run("job", "create", "--name", "Orders", "--sql", file.toString()).out().strip();
    }

    @Test
    void publishPrintsTheNewVersion() throws IOException {
        String id = create("SELECT 1;");

        CliRunner.Result first = cli.run("job", "publish", id, "-m", "first cut");
        CliRunner.Result second = cli.run("job", "publish", id, "--message", "again");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out().strip()).isEqualTo("Published version 1 of " + id);
        assertThat(second.out().strip()).isEqualTo("Published version 2 of " + id);
    }

    @Test
    void publishWithSqlErrorsListsThem() throws IOException {
        String id = create("SELECT 1;\nSELEC 2;");

        CliRunner.Result result = cli.run("job", "publish", id, "-m", "broken");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("SQL: 1 error(s); the first at line 2, column 1")
                .contains("\n2:1: Non-query expression encountered in illegal context");
        assertThat(services.jobs().versions(new JobId(id))).isEmpty();
    }

    @Test
    void publishWithoutMessageIsAUsageError() throws IOException {
        String id = create("SELECT 1;");

        CliRunner.Result result = cli.run("job", "publish", id);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--message=TEXT'");
    }

    @Test
    void malformedIdIsAUsageErrorNamingTheFormat() {
        CliRunner.Result result = cli.run("job", "status", "job-1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Not a job ID: 'job-1'");
    }

    @Test
    void unknownIdIsRefused() {
        CliRunner.Result result = cli.run("job", "status", "cql-00000000");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("No job with ID cql-00000000.");
    }

    @Test
    void runStartsTheNewestVersionFresh() throws IOException {
        String id = create("SELECT 1;");
        cli.run("job", "publish", id, "-m", "v1");
        cli.run("job", "publish", id, "-m", "v2");

        CliRunner.Result result = cli.run("job", "run", id);

        assertThat(result.exitCode()).as(result.err()).isZero();
        Job job = services.jobs().job(new JobId(id));
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.onlineVersion()).isEqualTo(2);
        assertThat(result.out().strip()).isEqualTo("Running version 2 of " + id + " as Flink job " + job.flinkJobId()
                + " (run instance 1)");
        assertThat(services.submitter.restorePaths()).containsExactly((String) null);
    }

    @Test
    void runAChosenVersionFromAPath() throws IOException {
        String id = create("SELECT 1;");
        cli.run("job", "publish", id, "-m", "v1");
        cli.run("job", "publish", id, "-m", "v2");

        CliRunner.Result result = cli.run("job", "run", id, "--version", "1", "--from-savepoint", "file:/sp/savepoint-1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Running version 1 of " + id);
        assertThat(services.submitter.restorePaths()).containsExactly("file:/sp/savepoint-1");
    }

    @Test
    void runRefusesAParallelismBeyondTheFreeSlotsLikeTheRunDialog() throws IOException {
        String id = create("-- parallelism 8\nINSERT INTO snk SELECT 1;");
        cli.run("job", "publish", id, "-m", "v1");

        CliRunner.Result result = cli.run("job", "run", id);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("needs 8 slots", "largest parallelism that fits is 4");
        assertThat(services.submitter.restorePaths()).as("nothing was submitted").isEmpty();
        assertThat(services.runs().runs(new JobId(id))).isEmpty();
    }

    @Test
    void runWithoutPublishedVersionSaysHowToPublish() throws IOException {
        String id = create("SELECT 1;");

        CliRunner.Result result = cli.run("job", "run", id);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("Job " + id + " has no published version; publish one with: "
                + "streamdesk job publish " + id + " -m TEXT");
    }

    @Test
    void publishRefusesAScriptThatDoesNotCompileAsTheRunWould() throws IOException {
        String id = create("CREATE TABLE t WITH ('connector' = 'FAIL_SUBMIT');");
        CliRunner.Result result = cli.run("job", "publish", id, "-m", "v1");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("does not compile as the run would compile it")
                .contains("Could not find any factory for identifier 'nope'");
    }

    @Test
    void runFailureShowsMessageAndFixAndStatusShowsTheWarning() throws IOException {
        String id = create("CREATE TABLE t WITH ('connector' = 'blackhole');");
        cli.run("job", "publish", id, "-m", "v1");
        // a script that compiled at publish and fails at submit (the cluster's side, e.g. a jar the job lost)
        services.submitter.failNextSubmit("Could not find any factory for identifier 'nope'");

        CliRunner.Result result = cli.run("job", "run", id);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(String.format(
                "Submitting version 1 failed: Could not find any factory for identifier 'nope'%n"
                        + "Fix: Check the SQL and its connector options, publish a fixed version, and run it.%n"));
        CliRunner.Result status = cli.run("job", "status", id);
        assertThat(status.exitCode()).isZero();
        assertThat(status.out())
                .contains("Status:         Stopped")
                .contains("Warning:        Run failed: Submitting version 1 failed: Could not find any factory")
                .contains("Fix:            Check the SQL and its connector options");
    }

    @Test
    void runWhenTheClusterDoesNotStartExplainsTheFix() throws IOException {
        String id = create("SELECT 1;");
        cli.run("job", "publish", id, "-m", "v1");
        services.cluster.failStarts("port 8081 in use");

        CliRunner.Result result = cli.run("job", "run", id);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Local cluster is not running: port 8081 in use")
                .contains("Fix: Restart the cluster");
    }

    @Test
    void stopWithSavepointThenRunFromLatest() throws IOException {
        String id = create("SELECT 1;");
        cli.run("job", "publish", id, "-m", "v1");
        cli.run("job", "run", id);

        CliRunner.Result stop = cli.run("job", "stop", id, "--savepoint");

        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(stop.out().strip()).matches("Stopped " + id + " with savepoint file:/\\S+/savepoint-\\w+/?");
        String location = stop.out().strip().substring(stop.out().strip().lastIndexOf(' ') + 1);
        assertThat(services.jobs().job(new JobId(id)).status()).isEqualTo(JobStatus.STOPPED);

        CliRunner.Result rerun = cli.run("job", "run", id, "--from-savepoint", "latest");

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("(run instance 2)");
        assertThat(services.submitter.restorePaths()).containsExactly(null, location);
    }

    @Test
    void stopWithoutSavepointCancels() throws IOException {
        String id = create("SELECT 1;");
        cli.run("job", "publish", id, "-m", "v1");
        cli.run("job", "run", id);
        String flinkJobId = services.jobs().job(new JobId(id)).flinkJobId();

        CliRunner.Result stop = cli.run("job", "stop", id);

        assertThat(stop.exitCode()).isZero();
        assertThat(stop.out().strip()).isEqualTo("Stopped " + id + " without savepoint");
        assertThat(services.gateway.state(flinkJobId)).isEqualTo("CANCELED");
    }

    @Test
    void stoppingAJobThatDoesNotRunFails() throws IOException {
        String id = create("SELECT 1;");

        CliRunner.Result stop = cli.run("job", "stop", id);

        assertThat(stop.exitCode()).isEqualTo(1);
        assertThat(stop.err()).startsWith("The job is not running.").contains("Fix: ");
    }

    @Test
    void restoringFromLatestWithoutSavepointIsRefused() throws IOException {
        String id = create("SELECT 1;");
        cli.run("job", "publish", id, "-m", "v1");

        CliRunner.Result result = cli.run("job", "run", id, "--from-savepoint", "latest");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("Restore: this job has no completed checkpoint or savepoint yet; run it fresh.");
    }

    @Test
    void statusOfARunningJob() throws IOException {
        String id = create("SELECT 1;");
        cli.run("job", "publish", id, "-m", "v1");
        cli.run("job", "run", id);
        Job job = services.jobs().job(new JobId(id));

        CliRunner.Result status = cli.run("job", "status", id);

        assertThat(status.exitCode()).isZero();
        assertThat(status.outLines()).containsExactly(
                "Job:            " + id + " (Orders)",
                "Status:         Running",
                "Cluster:        local (Running)",
                "Online version: 1",
                "Run instance:   1",
                "Flink job ID:   " + job.flinkJobId());
    }
}
