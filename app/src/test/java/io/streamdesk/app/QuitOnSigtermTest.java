package io.streamdesk.app;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.service.QuitResumeOffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM (what a logout or {@code kill} sends) to the app's process while a job runs on the real local cluster: the
 * shutdown hook stops the job with a savepoint before the cluster goes; afterwards the job shows Stopped with the
 * reason "stopped at quit", and the next start offers to resume it from that savepoint.
 */
class QuitOnSigtermTest {

    @Test
    void sigtermStopsTheRunningJobWithASavepointAndTheNextStartOffersToResumeIt(@TempDir Path dataDir) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        // the planner compiles in the app's JVM and needs the same --add-opens as this one
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SigtermWorkload.class.getName(),
                dataDir.toString()));
        Path stderr = dataDir.resolve("app-stderr.txt");
        Process app = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        JobId id;
        long clusterPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            try {
                id = new JobId(awaitLine(out, "RUNNING ").substring("RUNNING ".length()));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; its stderr:\n" + tail(stderr), e);
            }
            clusterPid = app.toHandle().children().findFirst().orElseThrow().pid();

            app.destroy(); // SIGTERM
            assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("the app ends within its quit bound").isTrue();
        } finally {
            app.destroyForcibly();
        }
        assertThat(ProcessHandle.of(clusterPid).map(ProcessHandle::isAlive).orElse(false))
                .as("the local cluster went with the app").isFalse();

        try (AppContext next = AppContext.open(dataDir, AppOptions.forCli())) {
            Job job = next.jobs().job(id);
            assertThat(job.status()).isEqualTo(JobStatus.STOPPED);
            assertThat(job.onlineVersion()).isNull();
            JobRun run = next.runs().runs(id).get(0);
            assertThat(run.endState()).isEqualTo("STOPPED");
            assertThat(run.endReason()).isEqualTo("stopped at quit");
            SavepointRecord savepoint = next.runs().latestSavepoint(id).orElseThrow();
            assertThat(savepoint.runInstance()).isEqualTo(run.instance());
            assertThat(Files.isDirectory(Path.of(URI.create(savepoint.location())))).as("the savepoint's files").isTrue();
            assertThat(next.runs().events(id).stream().map(e -> e.message()))
                    .anyMatch(m -> m.startsWith("Stopped at quit with savepoint"));

            List<QuitResumeOffer> offers = next.runs().quitResumeOffers();
            assertThat(offers).singleElement().satisfies(o -> {
                assertThat(o.job().id()).isEqualTo(id);
                assertThat(o.version()).isEqualTo(1);
                assertThat(o.savepoint().location()).isEqualTo(savepoint.location());
            });
        }
    }

    private static String awaitLine(BufferedReader out, String prefix) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the app ended before printing " + prefix.strip());
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (java.io.IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
