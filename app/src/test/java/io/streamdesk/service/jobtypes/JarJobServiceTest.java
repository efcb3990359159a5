package io.streamdesk.service.jobtypes;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.jobtype.JarJobSpec;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.TestJars;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JAR job use cases over the service graph (a real jar and the real entry class check; the cluster is the fake,
 * the real one is in JarJobOnLocalClusterTest): bounds, the check before publish, the freeze, a run from a savepoint,
 * and Python refused with its reason.
 */
class JarJobServiceTest {
    @TempDir
    Path dir;
    FakeServices services;
    DependencyRef ref;

    @BeforeEach
    void setUp() throws Exception {
        services = new FakeServices();
        Path jar = TestJars.compile(dir.resolve("build"), dir.resolve("job.jar"),
                Map.of("com.example.Job", "package com.example; public class Job { public static void main(String[] a) {} }"));
        ref = new DependencyRef("job.jar", 2, "ab".repeat(32));
        services.jobs().sqlContexts().withJarFiles(refs -> refs.stream().map(r -> {
            if (!r.equals(ref)) {
                throw new InputRejectedException("Dependencies: no version " + r);
            }
            return jar;
        }).toList());
        services.clusters().startAll();
    }

    @Test
    void formProblemsAndTheEntryClassAreCheckedBeforePublishing() {
        JarJobService jars = services.jarJobs();
        Job job = services.jobs().createJob("j", "/", JobType.JAR);
        assertThat(jars.draft(job.id())).isEqualTo(JarJobSpec.empty());
        assertThat(jars.problems(JarJobSpec.empty())).containsExactly(
                "Main jar: choose the dependency version that holds the job's program.",
                "Entry class: name the class whose main method starts the job (e.g. com.example.Job).");
        assertThatThrownBy(() -> jars.save(job.id(), new JarJobSpec(ref, "a", "", 0)))
                .isInstanceOf(InputRejectedException.class).hasMessage("Parallelism: 1 to 1024 (got 0).");

        jars.save(job.id(), new JarJobSpec(ref, "com.example.Nope", "'open", 3));
        assertThat(jars.problems(jars.draft(job.id()))).containsExactly(
                "Arguments: the single quote opened here is not closed (line 1, column 1)",
                "Entry class: com.example.Nope is not in the jar job.jar@2 (no entry com/example/Nope.class).");
        assertThatThrownBy(() -> services.jobs().publish(job.id(), "v1")).isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("2 problems; the first: Arguments:");

        jars.save(job.id(), new JarJobSpec(new DependencyRef("gone.jar", 1, "cd".repeat(32)), "com.example.Job", "", 1));
        assertThat(jars.problems(jars.draft(job.id()))).singleElement().asString()
                .startsWith("Main jar: Dependencies: no version gone.jar@1");

        JarJobSpec good = new JarJobSpec(ref, "com.example.Job", "--in 'a b' --n 3", 3);
        jars.save(job.id(), good);
        assertThat(services.jobs().draft(job.id()).orElseThrow().config().resources().parallelism()).isEqualTo(3);
        assertThat(services.jobs().publish(job.id(), "v1").number()).isEqualTo(1);
        assertThat(jars.version(job.id(), 1)).contains(good);
        assertThat(services.jobs().version(job.id(), 1).sql()).isEqualTo(good.describe());
    }

    @Test
    void aRunSendsTheFrozenFormAndTheRestorePathAndDeletesTheUpload() {
        JarJobService jars = services.jarJobs();
        Job job = services.jobs().createJob("j", "/", JobType.JAR);
        jars.save(job.id(), new JarJobSpec(ref, "com.example.Job", "--in 'a b'", 2));
        services.jobs().publish(job.id(), "v1");
        jars.save(job.id(), new JarJobSpec(ref, "com.example.Job", "--changed", 2)); // the draft moves on

        Job running = services.runs().run(job.id(), 1, RestoreChoice.path("file:///sp/savepoint-1"));
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(services.gateway.jarRuns).singleElement().satisfies(r -> {
            assertThat(r.entryClass()).isEqualTo("com.example.Job");
            assertThat(r.programArgs()).containsExactly("--in", "a b");
            assertThat(r.parallelism()).isEqualTo(2);
            assertThat(r.savepointPath()).isEqualTo("file:///sp/savepoint-1");
            assertThat(r.flinkConfiguration()).containsEntry("parallelism.default", "2");
        });
        assertThat(services.gateway.uploadedJars).isEmpty();
        assertThat(services.runs().runs(job.id()).get(0).restoredFrom()).isEqualTo("file:///sp/savepoint-1");
    }

    @Test
    void pythonJobsAreRefusedWithTheReasonAndOtherTypesKeepTheirOwnService() {
        assertThatThrownBy(() -> services.jobs().createJob("py", "/", JobType.PYTHON))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("PyFlink");
        Job sql = services.jobs().createSqlJob("s", "/");
        assertThatThrownBy(() -> services.jarJobs().save(sql.id(), JarJobSpec.empty()))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("is a SQL job, not a JAR job");
        Job jar = services.jobs().createJob("j", "/", JobType.JAR);
        services.jarJobs().save(jar.id(), new JarJobSpec(ref, "com.example.Job", "", 1));
        services.jobs().publish(jar.id(), "v1");
        assertThatThrownBy(() -> services.runs().run(jar.id(), 7, RestoreChoice.fresh()))
                .hasMessageContaining("no version 7");
        assertThat(services.gateway.jarRuns).isEmpty();
    }
}
