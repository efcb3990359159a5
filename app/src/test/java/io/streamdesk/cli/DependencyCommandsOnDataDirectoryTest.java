package io.streamdesk.cli;

import io.streamdesk.app.AppContext;
import io.streamdesk.app.AppOptions;
import io.streamdesk.testing.TestJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency commands on a real data directory (H2, files under dependencies/) as the CLI opens it, each command
 * its own process-like run: add versions, list, versions, a job's deps, publish, removal refused naming the job, limits.
 */
class DependencyCommandsOnDataDirectoryTest {
    @TempDir
    Path dir;
    @TempDir
    Path uploads;

    private CliRunner.Result run(String... args) {
        return new CliRunner(dataDir -> AppContext.open(dir, AppOptions.forCli()), null).run(args);
    }

    @Test
    void addListVersionsUseInAJobAndRemove() throws Exception {
        assertThat(run("dep", "list").out()).contains("No dependencies yet: `dep add FILE`");

        Path jar = TestJars.jar(uploads, "my-udf.jar", "one");
        CliRunner.Result added = run("dep", "add", jar.toString(), "-m", "first cut");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("Added my-udf.jar@1: JAR, ").containsPattern("sha256 [0-9a-f]{64}");
        TestJars.jar(uploads, "my-udf.jar", "two");
        assertThat(run("dep", "add", jar.toString(), "-m", "faster").out()).startsWith("Added my-udf.jar@2: JAR");
        Path conf = TestJars.text(uploads, "job.yaml", "rate: 10\n");
        assertThat(run("dep", "add", conf.toString()).out()).startsWith("Added job.yaml@1: configuration file, 9 B");
        try (var stored = Files.walk(dir.resolve("dependencies"))) {
            assertThat(stored.filter(Files::isRegularFile).filter(p -> !p.toString().contains(".staging"))).hasSize(3);
        }

        CliRunner.Result list = run("dep", "list");
        assertThat(list.outLines()[0]).startsWith("NAME").contains("KIND", "LATEST", "VERSIONS", "SIZE", "SHA256", "UPDATED");
        assertThat(list.outLines()[1]).startsWith("job.yaml").contains("configuration file", "@1");
        assertThat(list.outLines()[2]).startsWith("my-udf.jar").contains("JAR", "@2", "  2  ");

        CliRunner.Result versions = run("dep", "versions", "my-udf.jar");
        assertThat(versions.outLines()[0]).isEqualTo("my-udf.jar (JAR)");
        assertThat(versions.outLines()[2]).startsWith("@2").contains("faster");
        assertThat(versions.outLines()[3]).startsWith("@1").contains("first cut");
        assertThat(versions.out()).contains("Referenced by no job.");

        Path sql = Files.writeString(uploads.resolve("job.sql"),
                "CREATE TABLE s (x INT) WITH ('connector' = 'datagen');\n"
                        + "CREATE TABLE k (x INT) WITH ('connector' = 'blackhole');\nINSERT INTO k SELECT x FROM s;\n");
        CliRunner.Result created = run("job", "create", "--name", "orders", "--sql", sql.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        String id = created.out().strip().split("\\s+")[0];

        CliRunner.Result unknown = run("job", "deps", id, "my-udf.jar@9");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("my-udf.jar has no version 9");
        CliRunner.Result set = run("job", "deps", id, "job.yaml@1");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.outLines()[0]).isEqualTo("The draft of " + id + " now uses 1 dependency:");
        assertThat(set.outLines()[1]).startsWith("  job.yaml@1  sha256 ");
        CliRunner.Result published = run("job", "publish", id, "-m", "with its config file");
        assertThat(published.exitCode()).as(published.out() + published.err()).isZero();
        assertThat(run("job", "deps", id, "my-udf.jar@1").out()).contains("  my-udf.jar@1  sha256 ");
        assertThat(run("job", "deps", id).out()).contains("my-udf.jar@1").doesNotContain("job.yaml");

        CliRunner.Result refused = run("dep", "remove", "job.yaml@1");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("job.yaml@1 cannot be removed", "job 'orders' (" + id + ") version 1");
        CliRunner.Result draftRef = run("dep", "remove", "my-udf.jar");
        assertThat(draftRef.err()).contains("the draft of job 'orders' (" + id + ")");
        assertThat(run("dep", "versions", "job.yaml").out()).contains("Referenced by:", "@1 job 'orders' (" + id + ") version 1");

        CliRunner.Result removed = run("dep", "remove", "my-udf.jar@2");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.out()).isEqualTo("Removed my-udf.jar@2." + System.lineSeparator());
        assertThat(run("job", "deps", id, "--none").out()).contains("now uses no dependencies.");
        assertThat(run("dep", "remove", "my-udf.jar").out()).contains("Removed my-udf.jar (1 version).");
        assertThat(Arrays.stream(run("dep", "list").outLines()).skip(1)).singleElement().asString().startsWith("job.yaml");
    }

    @Test
    void theLimitsAreRefusedWithTheirNumbers() throws Exception {
        Path big = TestJars.sparse(uploads, "big.jar", 60L * 1024 * 1024);
        CliRunner.Result tooBig = run("dep", "add", big.toString());
        assertThat(tooBig.exitCode()).isEqualTo(1);
        assertThat(tooBig.err()).contains("big.jar: 60.0 MB (62,914,560 bytes) is over the limit of 50.0 MB for a JAR.");
        Path notJar = TestJars.text(uploads, "notes.jar", "hello");
        assertThat(run("dep", "add", notJar.toString()).err()).contains("notes.jar is not a JAR");
        assertThat(run("dep", "versions", "big.jar").err()).contains("No dependency named big.jar");
    }
}
