package io.streamdesk.app;

import io.streamdesk.model.Job;
import io.streamdesk.service.RestoreChoice;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * The "app" side of {@link LoopbackOnlyTest}, in its own JVM so that nothing another test left open in the test
 * JVM counts: opens the data directory (H2 with AUTO_SERVER), starts the local cluster and runs a job with a network
 * exchange (GROUP BY), prints {@code RUNNING <job id>}, then waits until stdin closes.
 */
public final class LoopbackWorkload {
    static final String SQL = """
            CREATE TABLE src (k INT, v BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '50',
              'fields.k.min' = '1', 'fields.k.max' = '10');
            CREATE TABLE snk (k INT, c BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO snk SELECT k, COUNT(*) FROM src GROUP BY k;
            """;

    public static void main(String[] args) throws Exception {
        try (AppContext app = AppContext.open(Path.of(args[0]), AppOptions.forTests().withStopJobsOnClose(false))) {
            app.clusters().startAll();
            Job job = app.jobs().createSqlJob("loopback", "/");
            app.jobs().saveDraft(job.id(), SQL);
            app.jobs().publish(job.id(), "v1");
            Job running = app.runs().run(job.id(), 1, RestoreChoice.fresh());
            System.out.println("RUNNING " + running.id());
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // the test sends nothing; its closing stdin ends this process
            }
        }
    }
}
