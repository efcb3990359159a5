package io.streamdesk.cli;

import io.streamdesk.service.Services;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The top command: data directory, lazy services, closing, usage errors, unexpected failures. */
class StreamDeskCliTest {
    @TempDir
    Path dir;

    @Test
    void dataDirIsPassedToTheFactoryBeforeServicesAreBuilt() {
        List<String> requested = new ArrayList<>();
        CliRunner cli = new CliRunner(dataDir -> {
            requested.add(dataDir);
            return new FakeServices(dir);
        }, null);

        assertThat(cli.run("--data-dir", "/data/one", "jobs").exitCode()).isZero();
        assertThat(cli.cli().dataDir()).isEqualTo("/data/one");
        // the option is global: it may also follow the subcommand
        assertThat(cli.run("job", "status", "--data-dir", "/data/two", "cql-00000000").exitCode()).isEqualTo(1);
        assertThat(cli.run("jobs").exitCode()).isZero();

        assertThat(requested).containsExactly("/data/one", "/data/two", null);
    }

    @Test
    void servicesAreClosedAfterTheCommand() {
        FakeServices services = new FakeServices(dir);
        CliRunner cli = new CliRunner(() -> services);

        cli.run("jobs");
        cli.run("job", "status", "cql-00000000");

        assertThat(services.closeCount()).isEqualTo(2);
    }

    @Test
    void helpAndUsageErrorsNeverBuildServices() {
        List<String> requested = new ArrayList<>();
        CliRunner cli = new CliRunner(dataDir -> {
            requested.add(dataDir);
            return new FakeServices(dir);
        }, null);

        CliRunner.Result help = cli.run("--help");
        CliRunner.Result unknown = cli.run("frobnicate");
        CliRunner.Result none = cli.run();

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: streamdesk").contains("jobs").contains("check-sql").contains("cluster")
                .contains("--data-dir=DIR");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument at index 0: 'frobnicate'");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Missing command");
        assertThat(requested).isEmpty();
    }

    @Test
    void everySubcommandHasHelpAndRunKeepsItsVersionOption() {
        CliRunner cli = new CliRunner(() -> {
            throw new AssertionError("help must not build services");
        });

        CliRunner.Result runHelp = cli.run("job", "run", "--help");
        CliRunner.Result statusHelp = cli.run("cluster", "status", "-h");
        CliRunner.Result version = cli.run("--version");

        assertThat(runHelp.exitCode()).isZero();
        assertThat(runHelp.out()).contains("Usage: streamdesk job run").contains("--version=N")
                .contains("--from-savepoint=latest|PATH").contains("--data-dir=DIR");
        assertThat(statusHelp.exitCode()).isZero();
        assertThat(statusHelp.out()).contains("Usage: streamdesk cluster status");
        assertThat(version.out().strip()).isEqualTo("streamdesk 0.1.0");
    }

    @Test
    void jobHelpListsItsSubcommands() {
        CliRunner.Result help = new CliRunner(() -> new FakeServices(dir)).run("job", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("create").contains("publish").contains("run").contains("stop").contains("status");
    }

    @Test
    void aFactoryThatCannotOpenTheDataDirectoryFailsWithItsMessage() {
        CliRunner cli = new CliRunner(dataDir -> {
            throw new IllegalStateException("The database is in use by another StreamDesk window.");
        }, null);

        CliRunner.Result result = cli.run("jobs");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("Error: The database is in use by another StreamDesk window.");
    }

    @Test
    void cliMainRunsWithTheGivenFactories() {
        Services[] built = new Services[1];
        int exit = CliMain.run(new String[] {"--data-dir", dir.toString(), "jobs"}, dataDir -> {
            built[0] = new FakeServices(Path.of(dataDir));
            return built[0];
        });

        assertThat(exit).isZero();
        assertThat(built[0].dataDirectory()).isEqualTo(dir);
        assertThat(((FakeServices) built[0]).closeCount()).isEqualTo(1);
    }
}
