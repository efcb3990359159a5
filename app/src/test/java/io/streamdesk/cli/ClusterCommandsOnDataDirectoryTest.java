package io.streamdesk.cli;

import io.streamdesk.app.AppContext;
import io.streamdesk.app.AppOptions;
import io.streamdesk.store.Database;
import io.streamdesk.store.FileSecretStore;
import io.streamdesk.testing.FlinkLikeRestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster commands on a real data directory (H2, the file secret store) as the CLI opens it, against a Flink-like
 * REST API on loopback: add with a password on stdin, list, test (the cluster and a host:port), place a job, remove.
 */
class ClusterCommandsOnDataDirectoryTest {
    @TempDir
    Path dir;

    private CliRunner cli(String stdin) {
        CliRunner runner = new CliRunner(dataDir -> AppContext.open(dir, AppOptions.forCli()), null);
        runner.cli().withStdin(() -> new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return runner;
    }

    @Test
    void addListTestPlaceAndRemoveARemoteCluster() throws Exception {
        try (FlinkLikeRestServer server = FlinkLikeRestServer.http("/flink", "alice", "s3cret-Pw")) {
            CliRunner.Result added = cli("s3cret-Pw\n").run("cluster", "add", "remote", "--name", "Prod",
                    "--url", server.url(), "--user", "alice", "--password-stdin", "--savepoint-dir", "s3://bucket/sp");
            assertThat(added.exitCode()).as(added.err()).isZero();
            String id = added.out().strip();
            assertThat(id).matches("rsc-[a-z0-9]{8}");

            // the password is in the secret store, and in no file of the data directory outside it
            String secretId;
            try (Database db = Database.open(io.streamdesk.store.DataDirectory.at(dir));
                 Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery(
                         "select * from cluster where id = '" + id + "'")) {
                assertThat(rs.next()).isTrue();
                secretId = rs.getString("password_secret_id");
                assertThat(rs.getString("username")).isEqualTo("alice");
                assertThat(rs.getString("savepoint_directory")).isEqualTo("s3://bucket/sp");
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    assertThat(String.valueOf(rs.getString(i))).doesNotContain("s3cret");
                }
            }
            assertThat(new FileSecretStore(dir.resolve("secrets")).get(secretId)).contains("s3cret-Pw");
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                            .doesNotContain("s3cret-Pw");
                }
            }

            CliRunner.Result list = cli("").run("cluster", "list");
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.outLines()[0]).startsWith("ID").contains("NAME", "KIND", "STATE", "FLINK", "SLOTS FREE/TOTAL", "JOBS");
            assertThat(list.outLines()[1]).startsWith("local").contains("Local cluster", "Local", "Stopped");
            assertThat(list.outLines()[2]).startsWith(id).contains("Prod", "Remote session", "Running (last seen");
            assertThat(list.outLines()).hasSize(3);

            CliRunner.Result test = cli("").run("cluster", "test", id);
            assertThat(test.exitCode()).as(test.out() + test.err()).isZero();
            assertThat(test.outLines()[0]).isEqualTo("Testing " + server.url()
                    + " from this desktop (Flink's REST API cannot test from the JobManager's side)");
            assertThat(test.out()).containsPattern("ok +DNS +\\d+ ms  127\\.0\\.0\\.1 resolves to 127\\.0\\.0\\.1")
                    .containsPattern("ok +HTTP .*signed in as 'alice'")
                    .containsPattern("ok +Flink +\\d+ ms  Flink 2\\.3\\.0")
                    .endsWith("All steps passed." + System.lineSeparator());

            int closed;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closed = s.getLocalPort();
            }
            CliRunner.Result hostTest = cli("").run("cluster", "test", id, "127.0.0.1:" + closed);
            assertThat(hostTest.exitCode()).isEqualTo(1);
            assertThat(hostTest.out()).containsPattern("FAIL +TCP .*Cannot connect to 127\\.0\\.0\\.1:" + closed)
                    .contains("Failed.");

            Path sql = Files.writeString(dir.resolve("job.sql"), "INSERT INTO sink SELECT 1;");
            CliRunner.Result created = cli("").run("job", "create", "--name", "orders", "--sql", sql.toString(),
                    "--cluster", id);
            assertThat(created.exitCode()).as(created.err()).isZero();
            CliRunner.Result unknown = cli("").run("job", "create", "--name", "x", "--sql", sql.toString(),
                    "--cluster", "rsc-nothere");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.err()).contains("Cluster: no cluster with ID 'rsc-nothere'");
            assertThat(cli("").run("cluster", "list").outLines()[2]).endsWith("1");

            CliRunner.Result local = cli("").run("cluster", "remove", "local");
            assertThat(local.exitCode()).isEqualTo(1);
            assertThat(local.err()).contains("The local cluster cannot be removed.");

            CliRunner.Result removed = cli("").run("cluster", "remove", id);
            assertThat(removed.exitCode()).as(removed.err()).isZero();
            assertThat(removed.out()).contains("Removed " + id + " (Prod). 1 job(s) placed on it stay");
            assertThat(cli("").run("cluster", "list").outLines()).hasSize(2);
            assertThat(new FileSecretStore(dir.resolve("secrets")).get(secretId)).isEmpty();
        }
    }

    @Test
    void aWrongPasswordAndBadInputGetTheirOwnMessages() throws Exception {
        try (FlinkLikeRestServer server = FlinkLikeRestServer.http("", "alice", "right")) {
            CliRunner.Result added = cli("wrong\n").run("cluster", "add", "remote", "--name", "Prod",
                    "--url", server.url(), "--user", "alice", "--password-stdin");
            assertThat(added.exitCode()).as(added.err()).isZero();
            CliRunner.Result test = cli("").run("cluster", "test", added.out().strip());
            assertThat(test.exitCode()).isEqualTo(1);
            assertThat(test.out()).containsPattern("FAIL +HTTP .*User or password refused \\(HTTP 401\\) for user 'alice'");

            for (List<String> args : List.of(
                    List.of("--name", "Prod", "--url", "http://b:8081"),
                    List.of("--name", "B", "--url", "b:8081"),
                    List.of("--name", "B", "--url", "http://b:8081", "--password-stdin"),
                    List.of("--name", "B", "--url", "https://b", "--ca-file", dir.resolve("none.pem").toString()),
                    List.of("--name", "B", "--url", "https://b", "--client-cert", "c.pem"))) {
                List<String> line = new java.util.ArrayList<>(List.of("cluster", "add", "remote"));
                line.addAll(args);
                CliRunner.Result r = cli("").run(line.toArray(String[]::new));
                assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(1);
                assertThat(r.err()).as(String.join(" ", args)).containsAnyOf("Name: the cluster",
                        "REST URL: The REST URL must start with http://", "--password-stdin needs --user.",
                        "CA file: " + dir.resolve("none.pem") + " does not exist.", "--client-cert needs --client-key.");
            }
            assertThat(cli("").run("cluster", "list").outLines()).hasSize(3);
            CliRunner.Result noTarget = cli("").run("cluster", "test", "rsc-nothere");
            assertThat(noTarget.exitCode()).isEqualTo(1);
            assertThat(noTarget.err()).contains("No cluster with ID 'rsc-nothere'");
        }
    }
}
