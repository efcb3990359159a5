package io.streamdesk.bench;

import io.streamdesk.app.AppContext;
import io.streamdesk.app.AppOptions;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.store.DataDirectory;
import io.streamdesk.store.Database;
import io.streamdesk.store.HibernateEventStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the data directory of the start-up and memory figures (issue 14): {@code jobs} SQL jobs with a draft each,
 * created through the job service, and {@code events} events spread over them, written through the real event store,
 * so the rows are exactly what the app would have written. Run by bench/startup.sh and bench/memory.sh once; they
 * cache the directory under target/ and copy it for each run.
 *
 * <p>Usage: {@code StartupData DATA_DIR JOBS EVENTS}. Writes {@code DATA_DIR/.generated} last, so a half-written
 * directory (an interrupted run) is never taken for a finished one.
 */
public final class StartupData {
    private StartupData() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int jobs = Integer.parseInt(args[1]);
        int events = Integer.parseInt(args[2]);
        Files.createDirectories(root);
        long t0 = System.nanoTime();
        List<JobId> ids = new ArrayList<>();
        try (AppContext app = AppContext.open(root, AppOptions.forCli())) {
            for (int i = 0; i < jobs; i++) {
                String folder = "/team-" + (i % 10) + "/pipeline-" + (i % 37);
                Job job = app.jobs().createSqlJob(String.format("Orders per minute %04d", i), folder);
                app.jobs().saveDraft(job.id(), sql(i));
                ids.add(job.id());
            }
        }
        long jobsDone = System.nanoTime();
        EventKind[] kinds = {EventKind.JOB_STARTED, EventKind.CHECKPOINT_FAILED, EventKind.CHECKPOINT_RECOVERED,
                EventKind.BACKPRESSURE_HIGH, EventKind.JOB_FAILED, EventKind.JOB_RECOVERED, EventKind.JOB_STOPPED};
        Instant base = Instant.now().minusSeconds(events * 6L);
        try (Database db = Database.open(DataDirectory.at(root))) {
            HibernateEventStore store = new HibernateEventStore(db);
            // each add commits on its own (WRITE_DELAY=0): two writers keep both cores busy
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> parts = new ArrayList<>();
            int threads = 2;
            for (int t = 0; t < threads; t++) {
                int part = t;
                parts.add(pool.submit(() -> {
                    for (int e = part; e < events; e += threads) {
                        JobId job = ids.get(e % ids.size());
                        EventKind kind = kinds[e % kinds.length];
                        store.add(job, 1 + e / (ids.size() * 10), kind, base.plusSeconds(e * 6L),
                                kind.name().toLowerCase().replace('_', ' ') + " #" + e);
                    }
                    return null;
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
            pool.shutdown();
        }
        // 100,000 commits of one row each leave a 1 GB file of dead chunks that H2's close does not reclaim (it
        // compacts for a moment only); a user's file went through many closes: compact it once, the rows unchanged
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + DataDirectory.at(root).db().toAbsolutePath().resolve("streamdesk"), "sa", "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        Files.writeString(root.resolve(".generated"), jobs + " jobs, " + events + " events\n");
        System.out.printf("generated %d jobs in %d ms, %d events in %d ms into %s%n", jobs,
                (jobsDone - t0) / 1_000_000, events, (System.nanoTime() - jobsDone) / 1_000_000, root);
    }

    private static String sql(int i) {
        return "CREATE TABLE orders_" + i + " (id BIGINT, amount DOUBLE, ts TIMESTAMP(3),\n"
                + "  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen');\n"
                + "CREATE TABLE totals_" + i + " (w TIMESTAMP(3), total DOUBLE) WITH ('connector' = 'blackhole');\n"
                + "INSERT INTO totals_" + i + "\n"
                + "SELECT TUMBLE_START(ts, INTERVAL '1' MINUTE), SUM(amount) FROM orders_" + i + "\n"
                + "GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE);\n";
    }
}
