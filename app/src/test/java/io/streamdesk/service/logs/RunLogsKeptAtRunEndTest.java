package io.streamdesk.service.logs;

import io.streamdesk.model.JobId;
import io.streamdesk.service.PeriodicWork;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app keeps a run's logs as soon as the run ends (R6: "still there after the cluster is gone"), without the user
 * opening the logs view first: through the same periodic work the app runs, over the fake cluster's REST answers.
 */
class RunLogsKeptAtRunEndTest {
    @TempDir
    Path dir;
    private PeriodicWork periodic;

    @AfterEach
    void stop() {
        if (periodic != null) {
            periodic.close();
        }
    }

    @Test
    void aStoppedRunsLogsAreKeptWithoutBeingOpenedAndOutliveTheCluster() throws Exception {
        FakeServices services = new FakeServices(dir);
        services.gateway.texts.put("/jobmanager/log", "JM line of the run\n");
        services.gateway.texts.put("/taskmanagers", "{\"taskmanagers\": [{\"id\": \"tm-1\"}]}");
        services.gateway.texts.put("/taskmanagers/tm-1/log", "TM line of the run\n");
        periodic = services.graph().registerPeriodicWork(new PeriodicWork(Clock.systemUTC()), Duration.ofHours(1), true);
        periodic.start();
        services.clusters().startAll();
        JobId job = services.jobs().createSqlJob("orders", "/").id();
        services.jobs().saveDraft(job, "INSERT INTO s SELECT * FROM t;");
        services.jobs().publish(job, "v1");
        services.runs().run(job, 1, RestoreChoice.fresh());
        assertThat(services.logs().files(job, 1)).as("nothing kept while it runs").isEmpty();

        services.runs().stop(job, false);
        await(() -> services.logs().files(job, 1).size() == 2);
        assertThat(services.logs().files(job, 1)).containsExactly("jobmanager.log", "taskmanager-tm-1.log");

        services.cluster.crash("exit code 137"); // the cluster is gone: the copies stay readable
        assertThat(services.logs().read(job, 1, "jobmanager.log")).contains("JM line of the run");
        assertThat(services.logs().read(job, 1, "taskmanager-tm-1.log")).contains("TM line of the run");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("logs kept within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
