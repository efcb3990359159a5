package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.streamdesk.model.Job;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.testing.FakeRemoteClusters;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.clusters.ClusterSummary;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes docs/screenshots/clusters-*.png (issue 11) from the real panes over the real services with in-memory ports:
 * the list (local, a remote running, a remote unreachable with a long name, an empty one), a remote cluster's page,
 * the add dialog with a field named wrong, and a connectivity test against a loopback HTTP server that answers like
 * Flink's /config. Opt-in like {@link ScreenshotTest}:
 * {@code mvn -o -q test -Dtest=ClustersScreenshotTest -Dstreamdesk.screenshots=docs/screenshots [-Dstreamdesk.screenshots.dark=true]}.
 */
@ExtendWith(ApplicationExtension.class)
class ClustersScreenshotTest {
    private static final String TARGET = System.getProperty("streamdesk.screenshots");
    private final FakeRemoteClusters remotes = new FakeRemoteClusters();
    private final FakeServices services = new FakeServices(Path.of(System.getProperty("java.io.tmpdir")),
            List.of(remotes));
    private ShellHarness shell;
    private HttpServer flinkLike;
    private String prodId;

    @BeforeAll
    static void onlyWhenAsked() {
        Assumptions.assumeTrue(TARGET != null && !TARGET.isBlank(), "screenshots not requested");
    }

    @Start
    void start(Stage stage) throws Exception {
        remotes.sharing(services.gateway);
        services.clusters().startAll();
        flinkLike = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        flinkLike.createContext("/", ex -> {
            byte[] body = "{\"flink-version\":\"2.3.0\",\"flink-revision\":\"screenshot\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        flinkLike.start();

        Path certs = Files.createTempDirectory("streamdesk-certs");
        Path ca = Files.writeString(certs.resolve("prod-ca.pem"), "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
        Job orders = published("orders-enrichment", "/", "local");
        services.runs().run(orders.id(), 1, RestoreChoice.fresh());

        ClusterDefinition prod = services.clusters().addRemote("shared-prod",
                new RemoteEndpoint("https://flink.prod.example.com/flink", "streamdesk", null, ca, null, null),
                "secret-password", "s3://analytics-state/savepoints");
        prodId = prod.id();
        Job payments = published("payments-audit", "/finance", prod.id());
        services.runs().run(payments.id(), 1, RestoreChoice.fresh());
        services.jobs().createSqlJob("clicks-sessionizer", "/web", prod.id());
        remotes.sharing(null); // the clusters added next answer from a Flink of their own

        ClusterDefinition analytics = services.clusters().addRemote(
                "analytics-team-session-cluster-eu-west-1-behind-the-corporate-reverse-proxy",
                RemoteEndpoint.of("http://flink-analytics.internal:8081"), null, null);
        published("hourly-rollup", "/reports", analytics.id());
        remotes.connection(analytics.id()).unreachable("Connection refused: flink-analytics.internal:8081 (3 probes"
                + " in a row)", Instant.now().minusSeconds(190));
        services.clusters().addRemote("staging (loopback)",
                RemoteEndpoint.of("http://127.0.0.1:" + flinkLike.getAddress().getPort()), null, null);
        services.runs().reconcile(); // the running jobs confirmed by their clusters, as the app's poll does
        shell = new ShellHarness(stage, services, Boolean.getBoolean("streamdesk.screenshots.dark"), 1280, 800);
    }

    private Job published(String name, String folder, String clusterId) {
        Job job = services.jobs().createSqlJob(name, folder, clusterId);
        services.jobs().saveDraft(job.id(), "INSERT INTO sink SELECT * FROM src;");
        services.jobs().publish(job.id(), "first");
        return job;
    }

    @AfterEach
    void tearDown() {
        if (shell != null) {
            shell.close();
        }
        if (flinkLike != null) {
            flinkLike.stop(0);
        }
    }

    @Test
    void takeScreenshots(FxRobot robot) throws Exception {
        String suffix = Boolean.getBoolean("streamdesk.screenshots.dark") ? "-dark" : "";
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#nav-clusters").tryQuery().isPresent());
        robot.clickOn("#nav-clusters");
        @SuppressWarnings("unchecked")
        TableView<ClusterSummary> table = robot.lookup("#clustersTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "clusters-list" + suffix + ".png");

        robot.interact(() -> table.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#clusterPageTitle").tryQuery()
                .map(n -> "shared-prod".equals(((Label) n).getText())).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "clusters-remote-page" + suffix + ".png");

        robot.clickOn("#clusterEdit");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#clusterUrl").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, robot.lookup("#clusterUrl").query().getScene(), "clusters-edit-dialog" + suffix + ".png");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#clusterRemove");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#removeJobList").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, robot.lookup("#removeJobList").query().getScene(), "clusters-remove-confirm" + suffix + ".png");
        robot.clickOn("#removeConfirm");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#errorLabel").tryQuery()
                .map(n -> ((Label) n).getText().contains("still has")).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "clusters-remove-refused" + suffix + ".png");

        robot.interact(() -> table.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "clusters-unreachable-page" + suffix + ".png");

        robot.interact(() -> table.getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#clusterTest");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#connectivityRun").tryQuery().isPresent());
        robot.clickOn("#connectivityRun");
        Label summary = robot.lookup("#connectivitySummary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> summary.getText().startsWith("All "));
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, summary.getScene(), "clusters-connectivity" + suffix + ".png");
        robot.clickOn("#connectivityClose");

        robot.clickOn("#addClusterButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#clusterName").tryQuery().isPresent());
        robot.clickOn("#clusterName").write("team-b");
        robot.clickOn("#clusterUrl").write("https://flink.team-b.example.com");
        robot.clickOn("#clusterUser").write("analyst");
        robot.clickOn("#clusterPassword").write("not-shown");
        robot.clickOn("#clusterSavepointDir").write("s3://team-b/savepoints");
        robot.clickOn("#clusterClientCert").write("/home/analyst/certs/client.pem");
        WaitForAsyncUtils.waitForFxEvents();
        TextField name = robot.lookup("#clusterName").queryAs(TextField.class);
        assertThat(robot.lookup("#clusterProblem").queryAs(Label.class).getText()).startsWith("Client key:");
        snap(robot, name.getScene(), "clusters-add-dialog" + suffix + ".png");
        robot.type(KeyCode.ESCAPE);
        assertThat(prodId).isNotNull();

        services.runs().reconcile(); // confirmed within the poll interval, as the app's reconcile keeps them
        robot.clickOn("#nav-overview");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#overviewClusters").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "clusters-overview" + suffix + ".png");
    }

    private void snap(FxRobot robot, Scene scene, String name) {
        Path out = Path.of(TARGET).resolve(name);
        Snapshots.write(robot, scene, out);
        assertThat(out).exists();
    }
}
