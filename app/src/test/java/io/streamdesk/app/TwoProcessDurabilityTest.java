package io.streamdesk.app;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app and the CLI as two real JVMs on one data directory (H2 AUTO_SERVER: the first opener serves the
 * database, the second connects to it). Writes of both, acknowledged in any order, survive the serving process
 * closing normally or being killed with SIGKILL.
 */
class TwoProcessDurabilityTest {

    @ParameterizedTest(name = "app side ends by {0}")
    @ValueSource(strings = {"exit", "kill"})
    void writesOfBothProcessesSurvive(String ending, @TempDir Path dataDir) throws Exception {
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), TwoProcessWorkload.class.getName(),
                dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter in = new PrintWriter(app.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String ready = awaitLine(out, "READY ");
            JobId appJob = new JobId(ready.substring("READY ".length()));

            JobId cliJob;
            try (AppContext cli = AppContext.open(dataDir, AppOptions.forCli())) {
                Job job = cli.jobs().createSqlJob("cli side", "/");
                cliJob = job.id();
                cli.jobs().saveDraft(cliJob, "SELECT 'cli 1'");
                in.println("SELECT 'app 1'");
                awaitLine(out, "ACK ");
                cli.jobs().saveDraft(cliJob, "SELECT 'cli 2'");
                assertThat(cli.jobs().draft(appJob).orElseThrow().sql()).isEqualTo("SELECT 'app 1'");
            }
            in.println("SELECT 'app 2'");
            awaitLine(out, "ACK ");
            if (ending.equals("kill")) {
                app.destroyForcibly();
            } else {
                in.println("EXIT");
                awaitLine(out, "CLOSED");
            }
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();

            try (AppContext reopened = AppContext.open(dataDir, AppOptions.forCli())) {
                assertThat(reopened.jobs().draft(appJob).orElseThrow().sql()).isEqualTo("SELECT 'app 2'");
                assertThat(reopened.jobs().draft(cliJob).orElseThrow().sql()).isEqualTo("SELECT 'cli 2'");
                assertThat(reopened.jobs().list()).extracting(Job::name).contains("app side", "cli side");
            }
        } finally {
            app.destroyForcibly();
        }
    }

    private static String awaitLine(BufferedReader out, String prefix) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the app side ended before printing " + prefix.strip());
    }
}
