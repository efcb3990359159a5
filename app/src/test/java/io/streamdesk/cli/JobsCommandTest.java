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

class JobsCommandTest {
    @TempDir
    Path dir;
    FakeServices services;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        services = new FakeServices(dir);
        cli = new CliRunner(() -> services);
    }

    @Test
    void createSavesTheFileAsDraftAndPrintsTheId() throws IOException {
        Path sql = Files.writeString(dir.resolve("orders.sql"), "SELECT 1;\n");

        CliRunner.Result result = cli.run("job", "create", "--name", "Orders", "--sql", sql.toString(), "--folder", "/etl");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        JobId id = new JobId(result.out().strip());
        Job job = services.jobs().job(id);
        assertThat(job.name()).isEqualTo("Orders");
        assertThat(job.folder()).isEqualTo("/etl");
        assertThat(job.status()).isEqualTo(JobStatus.UNPUBLISHED);
        assertThat(services.jobs().draft(id).orElseThrow().sql()).isEqualTo("SELECT 1;\n");
    }

    @Test
    void createWithMissingFileFailsWithoutCreatingAJob() {
        CliRunner.Result result = cli.run("job", "create", "--name", "Orders", "--sql", dir.resolve("nope.sql").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("SQL file not found:").contains("nope.sql");
        assertThat(result.out()).isEmpty();
        assertThat(services.jobs().list()).isEmpty();
    }

    @Test
    void createWithBlankNameIsRefusedByTheService() throws IOException {
        Path sql = Files.writeString(dir.resolve("a.sql"), "SELECT 1;");

        CliRunner.Result result = cli.run("job", "create", "--name", "  ", "--sql", sql.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("Name: a job needs a name.");
    }

    @Test
    void createWithoutNameIsAUsageError() {
        CliRunner.Result result = cli.run("job", "create", "--sql", "x.sql");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--name=NAME'");
    }

    @Test
    void listsJobsAsATable() throws IOException {
        Path sql = Files.writeString(dir.resolve("a.sql"), "SELECT 1;");
        String first = cli.run("job", "create", "--name", "Orders", "--sql", sql.toString(), "--folder", "/etl").out().strip();
        String second = cli.run("job", "create", "--name", "Clicks per minute", "--sql", sql.toString()).out().strip();
        cli.run("job", "publish", second, "-m", "first");
        cli.run("job", "run", second);

        CliRunner.Result result = cli.run("jobs");

        assertThat(result.exitCode()).isZero();
        String[] lines = result.outLines();
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).matches("ID +NAME +STATUS +ONLINE +FOLDER");
        assertThat(lines[1]).matches(first + " +Orders +Unpublished +- +/etl");
        assertThat(lines[2]).matches(second + " +Clicks per minute +Running +v1 +/");
        // columns line up: every row's STATUS starts where the header's does
        int statusColumn = lines[0].indexOf("STATUS");
        assertThat(lines[1].substring(statusColumn)).startsWith("Unpublished");
        assertThat(lines[2].substring(statusColumn)).startsWith("Running");
    }

    @Test
    void whenTheClusterIsDownTheStateIsTheLastKnownOneWithItsTimeAndTheClusterSaysWhy() throws IOException {
        Path sql = Files.writeString(dir.resolve("a.sql"), "SELECT 1;");
        String id = cli.run("job", "create", "--name", "Orders", "--sql", sql.toString()).out().strip();
        cli.run("job", "publish", id, "-m", "first");
        cli.run("job", "run", id);
        services.cluster.stop(java.time.Duration.ofSeconds(1)); // no cluster answers any more

        CliRunner.Result result = cli.run("jobs");

        assertThat(result.exitCode()).isZero();
        String[] lines = result.outLines();
        int statusColumn = lines[0].indexOf("STATUS");
        assertThat(lines[1].substring(statusColumn))
                // the run itself was confirmed by the cluster (Flink said RUNNING), so the time is when it was seen
                .matches("Cluster stopped — last seen Running at \\d\\d:\\d\\d:\\d\\d.*");
        assertThat(result.out()).contains("Note: a state that is not confirmed by its cluster is the last one known")
                .contains("Cluster local: Stopped");

        CliRunner.Result status = cli.run("job", "status", id);
        assertThat(status.outLines()).anyMatch(l -> l.startsWith("Status:         Cluster stopped — last seen Running at "));
        assertThat(status.outLines()).contains(
                "Stored status:  Running (the last known one; the cluster did not confirm it)",
                "Cluster:        local (Stopped)");
    }

    @Test
    void aRunningJobIsConfirmedByTheClusterBeforeItIsPrinted() throws IOException {
        Path sql = Files.writeString(dir.resolve("a.sql"), "SELECT 1;");
        String id = cli.run("job", "create", "--name", "Orders", "--sql", sql.toString()).out().strip();
        cli.run("job", "publish", id, "-m", "first");
        cli.run("job", "run", id);
        services.gateway.setState(services.jobs().job(new JobId(id)).flinkJobId(), "RESTARTING");

        assertThat(cli.run("jobs").outLines()[1]).contains("Restarting");
        assertThat(services.clusters().jobStates().observe(services.jobs().job(new JobId(id))).lastSeen()).isNotNull();
    }

    @Test
    void emptyListSaysHowToCreateAJob() {
        CliRunner.Result result = cli.run("jobs");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("No jobs yet.").contains("streamdesk job create");
    }
}
