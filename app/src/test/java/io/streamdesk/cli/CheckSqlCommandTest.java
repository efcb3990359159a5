package io.streamdesk.cli;

import io.streamdesk.service.Services;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.FakeSqlChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CheckSqlCommandTest {
    @TempDir
    Path dir;

    @Test
    void validScriptExitsZero() throws IOException {
        Path sql = Files.writeString(dir.resolve("ok.sql"), "SELECT 1;\n");
        CliRunner cli = new CliRunner(() -> new FakeServices(dir));

        CliRunner.Result result = cli.run("check-sql", sql.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo(sql + ": OK");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void printsOneLinePerErrorAndExitsOne() throws IOException {
        Path sql = Files.writeString(dir.resolve("bad.sql"), "-- two typos\nSELEC 1;\n\n  SELEC 2;\n");
        CliRunner cli = new CliRunner(() -> new FakeServices(dir));

        CliRunner.Result result = cli.run("check-sql", sql.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.outLines()).containsExactly(
                "2:1: Non-query expression encountered in illegal context",
                "4:3: Non-query expression encountered in illegal context");
    }

    @Test
    void aLightCheckerMeansNoServicesAreBuilt() throws IOException {
        Path sql = Files.writeString(dir.resolve("bad.sql"), "SELEC 1;");
        AtomicInteger built = new AtomicInteger();
        FakeSqlChecker checker = new FakeSqlChecker();
        CliRunner cli = new CliRunner(dataDir -> {
            built.incrementAndGet();
            return new FakeServices(dir);
        }, () -> checker);

        CliRunner.Result result = cli.run("check-sql", sql.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("1:1: ");
        assertThat(checker.checks()).isEqualTo(1);
        assertThat(built).hasValue(0);
    }

    @Test
    void fileOverOneMebibyteIsRefusedBeforeChecking() throws IOException {
        Path sql = dir.resolve("huge.sql");
        Files.write(sql, new byte[(1 << 20) + 1]);
        FakeServices services = new FakeServices(dir);
        CliRunner cli = new CliRunner(() -> services);

        CliRunner.Result result = cli.run("check-sql", sql.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("SQL file too large").contains("limited to 1 MiB");
        assertThat(services.checker.checks()).isZero();
    }

    @Test
    void missingFileArgumentIsAUsageError() {
        Services never = null;
        CliRunner cli = new CliRunner(() -> never);

        CliRunner.Result result = cli.run("check-sql");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter: 'FILE'");
    }
}
