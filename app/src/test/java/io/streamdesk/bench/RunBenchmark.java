package io.streamdesk.bench;

import io.streamdesk.app.AppContext;
import io.streamdesk.app.AppOptions;
import io.streamdesk.model.FlinkJobSummary;
import io.streamdesk.model.Job;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.port.ClusterGateway;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Run -> all tasks RUNNING on a warm local cluster with a warm planner, against Flink's own Table API submitting
 * the same script from this (warm) JVM to the same cluster. Alternates the two, prints each run and the medians.
 * Usage: mvn -q -o test-compile exec:exec -Dsd.main=io.streamdesk.bench.RunBenchmark (see bench/run.sh).
 */
public final class RunBenchmark {
    private static final io.streamdesk.service.jobconfig.VersionRunService.RunRequest RUN_V1 =
            new io.streamdesk.service.jobconfig.VersionRunService.RunRequest(1, RestoreChoice.fresh(),
                    io.streamdesk.service.jobconfig.VersionRunService.StopFirst.DO_NOT_STOP, false);

    private static final String DDL_SRC = "CREATE TABLE src (id BIGINT, amount DOUBLE) WITH ('connector'='datagen','rows-per-second'='20')";
    private static final String DDL_SNK = "CREATE TABLE snk (id BIGINT, amount DOUBLE) WITH ('connector'='blackhole')";
    private static final String INSERT = "INSERT INTO snk SELECT id, amount FROM src WHERE amount > 0";
    private static final String SCRIPT = DDL_SRC + ";\n" + DDL_SNK + ";\n" + INSERT + ";\n";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path data = Files.createTempDirectory("streamdesk-bench");
        try (AppContext app = AppContext.open(data, AppOptions.defaults().withStopJobsOnClose(false))) {
            app.clusters().startAll();
            ClusterGateway gateway = app.clusters().readyGateway("local", Duration.ofSeconds(120));
            Job job = app.jobs().createSqlJob("bench", "/");
            app.jobs().saveDraft(job.id(), SCRIPT);
            app.jobs().publish(job.id(), "bench");
            // warm both paths once
            app.versionRuns().run(job.id(), RUN_V1);
            app.runs().stop(job.id(), false);
            cancel(gateway, submitWithTableApi(gateway));

            List<Long> ours = new ArrayList<>();
            List<Long> anchor = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                long t0 = System.nanoTime();
                // the Run dialog's path: CU and state checks on the compiled graph, then the submit
                app.versionRuns().run(job.id(), RUN_V1);
                long a = (System.nanoTime() - t0) / 1_000_000;
                app.runs().stop(job.id(), false);

                long t1 = System.nanoTime();
                String id = submitWithTableApi(gateway);
                awaitRunning(gateway, id);
                long b = (System.nanoTime() - t1) / 1_000_000;
                cancel(gateway, id);
                ours.add(a);
                anchor.add(b);
                System.out.printf("run %d: StreamDesk run %d ms, Table API %d ms%n", i, a, b);
            }
            long mo = median(ours);
            long ma = median(anchor);
            System.out.printf("median StreamDesk run -> all tasks RUNNING: %d ms%n", mo);
            System.out.printf("median Table API submit -> all tasks RUNNING: %d ms%n", ma);
            System.out.printf("ratio: %.2f%n", (double) mo / ma);
            System.out.printf("runs from the job graph kept at publish: %d, compiled: %d%n",
                    app.storedGraphs().storedRuns(), app.storedGraphs().compiledRuns());
            // one line for bench/all.sh: figure, StreamDesk, anchor, ratio, target
            System.out.printf(java.util.Locale.ROOT, "figure\trun -> all tasks RUNNING, warm cluster (vs Table API, warm JVM)"
                    + "\t%d\t%d\t%.2f\t<= 1.0%n", mo, ma, (double) mo / ma);
        }
    }

    private static String submitWithTableApi(ClusterGateway gateway) throws Exception {
        URI rest = URI.create(gateway.restUrl());
        Configuration conf = new Configuration();
        conf.set(DeploymentOptions.TARGET, "remote");
        conf.set(RestOptions.ADDRESS, rest.getHost());
        conf.set(RestOptions.PORT, rest.getPort());
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(conf).build());
        env.executeSql(DDL_SRC);
        env.executeSql(DDL_SNK);
        StatementSet set = env.createStatementSet();
        set.addInsertSql(INSERT);
        return set.execute().getJobClient().orElseThrow().getJobID().toHexString();
    }

    /** Polls as closely as RunService does in a run's first second (10 ms), so both sides are timed alike. */
    private static void awaitRunning(ClusterGateway gateway, String id) throws InterruptedException {
        while (!gateway.job(id).map(FlinkJobSummary::allTasksRunning).orElse(false)) {
            Thread.sleep(10);
        }
    }

    private static void cancel(ClusterGateway gateway, String id) throws InterruptedException {
        awaitRunning(gateway, id);
        gateway.cancel(id);
        while (!gateway.job(id).map(FlinkJobSummary::isTerminal).orElse(true)) {
            Thread.sleep(100);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
