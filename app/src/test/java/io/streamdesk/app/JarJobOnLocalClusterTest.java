package io.streamdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdesk.model.FlinkJobSummary;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.jobtype.JarJobSpec;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.jobconfig.VersionRunService.RunRequest;
import io.streamdesk.service.jobconfig.VersionRunService.StopFirst;
import io.streamdesk.service.jobtypes.JarJobService;
import io.streamdesk.service.port.ClusterGateway;
import io.streamdesk.testing.TestJars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A JAR job (J1, DP4) end to end on real parts: a small streaming program (numbers from a sequence source, counted
 * per key in checkpointed state, into a discarding sink) compiled here with javax.tools against the test class path's
 * Flink jars and packed with java.util.jar, taken as the job's main jar, published (a missing entry class refused
 * first), run on the real local cluster (Flink 2.3.0 child) through its REST API ({@code /jars/upload},
 * {@code /jars/:id/run}), stopped with a savepoint and resumed from it: Flink itself reports that the resumed run
 * restored that savepoint. The uploaded jars are gone from the cluster afterwards.
 */
class JarJobOnLocalClusterTest {
    static final String PROGRAM = """
            package demo;

            import org.apache.flink.api.common.functions.OpenContext;
            import org.apache.flink.api.common.functions.RichMapFunction;
            import org.apache.flink.api.common.state.ValueState;
            import org.apache.flink.api.common.state.ValueStateDescriptor;
            import org.apache.flink.api.common.typeinfo.Types;
            import org.apache.flink.api.java.functions.KeySelector;
            import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
            import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

            public class CountingJob {
                public static void main(String[] args) throws Exception {
                    long pause = 2;
                    String label = "unnamed";
                    for (int i = 0; i + 1 < args.length; i += 2) {
                        if (args[i].equals("--pause-ms")) pause = Long.parseLong(args[i + 1]);
                        if (args[i].equals("--label")) label = args[i + 1];
                    }
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                    env.fromSequence(0, Long.MAX_VALUE).uid("numbers").name("numbers")
                            .keyBy(new KeySelector<Long, Long>() {
                                public Long getKey(Long v) { return v % 4; }
                            })
                            .map(new Counter(pause)).uid("counter").name("counter")
                            .sinkTo(new DiscardingSink<>()).uid("discard").name("discard");
                    env.execute("counting " + label);
                }

                public static class Counter extends RichMapFunction<Long, Long> {
                    private final long pause;
                    private transient ValueState<Long> count;

                    public Counter(long pause) { this.pause = pause; }

                    @Override
                    public void open(OpenContext context) {
                        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
                    }

                    @Override
                    public Long map(Long v) throws Exception {
                        Thread.sleep(pause);
                        Long c = count.value();
                        long next = c == null ? 1 : c + 1;
                        count.update(next);
                        return next;
                    }
                }
            }
            """;

    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;
    static AppContext app;
    static Path jar;
    static DependencyRef mainJar;

    @BeforeAll
    static void open() throws Exception {
        jar = TestJars.compile(work.resolve("build"), work.resolve("counting-job.jar"), Map.of("demo.CountingJob", PROGRAM));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
        app = AppContext.open(dataDir, AppOptions.forTests());
        // uploaded as a dependency (DP1): the job's main jar is a version of it (DP4)
        io.streamdesk.model.dependency.DependencyVersion uploaded = app.dependencies().add(jar, "the counting program");
        mainJar = new DependencyRef(uploaded.name(), uploaded.version(), uploaded.sha256());
        assertThat(mainJar).isEqualTo(new DependencyRef("counting-job.jar", 1, sha));
        app.clusters().startAll();
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aJarJobRunsStopsWithASavepointAndResumesFromIt() throws Exception {
        JarJobService jars = app.jarJobs();
        Job job = app.jobs().createJob("counting", "/jar", "local", JobType.JAR);
        assertThat(app.jobs().job(job.id()).type()).isEqualTo(JobType.JAR);

        // a class that is not in the jar: named with the jar, and publishing is refused
        jars.save(job.id(), new JarJobSpec(mainJar, "demo.Missing", "--pause-ms 2 --label 'two words'", 1));
        assertThat(jars.problems(jars.draft(job.id()))).singleElement().asString()
                .contains("demo.Missing is not in the jar counting-job.jar@1");
        assertThatThrownBy(() -> app.jobs().publish(job.id(), "wrong class"))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("demo.Missing")
                .hasMessageContaining("counting-job.jar@1");
        assertThat(app.jobs().versions(job.id())).isEmpty();

        jars.save(job.id(), new JarJobSpec(mainJar, "demo.CountingJob", "--pause-ms 2 --label 'two words'", 1));
        assertThat(jars.problems(jars.draft(job.id()))).isEmpty();
        JobVersion v1 = app.jobs().publish(job.id(), "counting numbers");
        assertThat(v1.sql()).contains("-- entry class: demo.CountingJob").contains("'two words'");
        assertThat(v1.sql()).contains("-- main jar: counting-job.jar@1 sha256 " + mainJar.sha256());
        assertThat(v1.config().dependencies()).containsExactly(mainJar);
        assertThat(v1.configurationEntries()).containsEntry("dependencies.counting-job.jar", "v1 sha256 " + mainJar.sha256());
        assertThat(jars.jarChoices()).contains(mainJar);
        // the main jar of a version is referenced: its removal is refused naming the job (DP3)
        assertThatThrownBy(() -> app.dependencies().remove("counting-job.jar", 1)).hasMessageContaining("counting");
        assertThat(jars.version(job.id(), 1)).contains(jars.draft(job.id()));

        Job running = app.runs().run(job.id(), 1, RestoreChoice.fresh());
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        ClusterGateway gateway = app.clusters().currentGateway("local");
        FlinkJobSummary first = gateway.job(running.flinkJobId()).orElseThrow();
        assertThat(first.name()).isEqualTo("counting two words"); // the arguments reached main() as parsed
        Thread.sleep(2_000); // some counts in the state
        Job stopped = app.runs().stop(job.id(), true);
        assertThat(stopped.status()).isEqualTo(JobStatus.STOPPED);
        SavepointRecord savepoint = app.runs().latestSavepoint(job.id()).orElseThrow();

        Job resumed = app.versionRuns().run(job.id(), new RunRequest(1, RestoreChoice.path(savepoint.location()),
                StopFirst.DO_NOT_STOP, false));
        assertThat(resumed.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(resumed.flinkJobId()).isNotEqualTo(running.flinkJobId());
        List<JobRun> runs = app.runs().runs(job.id());
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).restoredFrom()).isEqualTo(savepoint.location());
        JsonNode restored = get(gateway.restUrl() + "/jobs/" + resumed.flinkJobId() + "/checkpoints")
                .path("latest").path("restored");
        assertThat(restored.path("is_savepoint").asBoolean()).as(restored.toString()).isTrue();
        assertThat(restored.path("external_path").asText()).isEqualTo(savepoint.location());
        assertThat(get(gateway.restUrl() + "/jars").path("files")).as("uploads deleted after the run").isEmpty();

        assertThat(app.runs().stop(job.id(), false).status()).isEqualTo(JobStatus.STOPPED);
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
