package io.streamdesk.service.lease;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.OperationLease;
import io.streamdesk.service.OperationFailedException;
import io.streamdesk.service.RestoreChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two JVMs on one data directory (H2 AUTO_SERVER), as the app and the CLI are: while one runs a job, the other can
 * neither run nor stop it, and its status check leaves the job Operating; once the first is done, or killed, the
 * other takes the job over. The other JVM is {@link LeaseHolderWorkload}; its run is held inside the submit.
 */
class TwoProcessOperationLeaseTest {

    @Test
    void whileOneProcessRunsAJobTheOtherNeitherRunsNorStopsItNorEndsItsOperating(@TempDir Path dataDir) throws Exception {
        Process other = startOther(dataDir);
        try (BufferedReader out = reader(other); PrintWriter in = writer(other)) {
            JobId id = new JobId(awaitLine(out, "READY ").substring("READY ".length()));
            in.println("RUN");
            awaitLine(out, "SUBMITTING");

            try (StoreBackedRunGraph here = new StoreBackedRunGraph(dataDir)) {
                assertThat(here.jobs.job(id).status()).isEqualTo(JobStatus.OPERATING);
                OperationLease lease = here.leaseStore.find(id).orElseThrow();
                assertThat(lease.owner().pid()).isEqualTo(other.pid());
                assertThat(lease.operation()).isEqualTo("Run");

                assertThatThrownBy(() -> here.runs.run(id, 1, RestoreChoice.fresh()))
                        .isInstanceOf(OperationFailedException.class)
                        .hasMessageContaining("still in flight").hasMessageContaining("process " + other.pid());
                assertThatThrownBy(() -> here.runs.stop(id, false))
                        .isInstanceOf(OperationFailedException.class).hasMessageContaining("still in flight");
                here.runs.reconcile();
                assertThat(here.jobs.job(id).status()).as("the other's Operating is not ours to end")
                        .isEqualTo(JobStatus.OPERATING);
                assertThat(here.gateway.jobsOverview().size()).as("nothing submitted here").isZero();

                in.println("GO");
                assertThat(awaitLine(out, "RAN ")).isEqualTo("RAN RUNNING");
                Job after = here.jobs.job(id);
                assertThat(after.status()).isEqualTo(JobStatus.RUNNING);
                assertThat(after.onlineVersion()).isEqualTo(1);
                assertThat(here.leaseStore.find(id)).as("released at the end").isEmpty();
            }
            in.println("EXIT");
            awaitLine(out, "CLOSED");
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void theLeaseOfAKilledProcessIsTakenOverAtOnce(@TempDir Path dataDir) throws Exception {
        Process other = startOther(dataDir);
        JobId id;
        try (BufferedReader out = reader(other); PrintWriter in = writer(other)) {
            id = new JobId(awaitLine(out, "READY ").substring("READY ".length()));
            in.println("RUN");
            awaitLine(out, "SUBMITTING");
            other.destroyForcibly(); // kill -9 in the middle of the run: its lease and Operating stay behind
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (StoreBackedRunGraph here = new StoreBackedRunGraph(dataDir)) {
            assertThat(here.jobs.job(id).status()).isEqualTo(JobStatus.OPERATING);
            assertThat(here.leaseStore.find(id)).get().extracting(l -> l.owner().pid()).isEqualTo(other.pid());

            Job ran = here.runs.run(id, 1, RestoreChoice.fresh());

            assertThat(ran.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(here.gateway.jobsOverview().size()).isEqualTo(1);
            assertThat(here.leaseStore.find(id)).isEmpty();
        }
    }

    private static Process startOther(Path dataDir) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), LeaseHolderWorkload.class.getName(),
                dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    private static PrintWriter writer(Process p) {
        return new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static String awaitLine(BufferedReader out, String prefix) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the other process ended before printing " + prefix.strip());
    }
}
