package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.testing.FakeKubernetesClusters;
import io.streamdesk.testing.FakeRemoteClusters;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.clusters.ClusterSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * Writes docs/screenshots/k8s-*.png (issue 13) from the real panes over the real services with in-memory ports and
 * {@link FakeKubernetesClusters} in place of the Kubernetes adapter (no API server here): a Kubernetes cluster's page
 * with its sources agreeing, the same with the operator READY while Flink REST does not answer (the disagreement
 * mark), a job page's sources line, and the add dialog with contexts read from a kubeconfig file. Opt-in like
 * {@link ScreenshotTest}:
 * {@code mvn -o -q test -Dtest=KubernetesClustersScreenshotTest -Dstreamdesk.screenshots=docs/screenshots [-Dstreamdesk.screenshots.dark=true]}.
 */
@ExtendWith(ApplicationExtension.class)
class KubernetesClustersScreenshotTest {
    private static final String TARGET = System.getProperty("streamdesk.screenshots");
    private final FakeKubernetesClusters kube = new FakeKubernetesClusters();
    private final FakeServices services = new FakeServices(Path.of(System.getProperty("java.io.tmpdir")),
            List.of(kube, new FakeRemoteClusters()));
    private ShellHarness shell;
    private ClusterDefinition k8s;
    private Job orders;
    private Path kubeconfig;

    @BeforeAll
    static void onlyWhenAsked() {
        Assumptions.assumeTrue(TARGET != null && !TARGET.isBlank(), "screenshots not requested");
    }

    @Start
    void start(Stage stage) throws Exception {
        kube.sharing(services.gateway);
        services.clusters().startAll();
        kubeconfig = Files.createTempDirectory("streamdesk-kube").resolve("config");
        Files.writeString(kubeconfig, KubernetesClustersFlowTest.KUBECONFIG);
        k8s = services.clusters().addKubernetes("analytics-eu-west-1", FakeKubernetesClusters.spec("analytics-session",
                2, 2).withTaskManager(new io.streamdesk.model.cluster.KubernetesSpec.Resources(2, "4096m", 2)), null,
                "s3://analytics-state/savepoints");
        orders = published("orders-enrichment", k8s.id());
        services.runs().run(orders.id(), 1, RestoreChoice.fresh());
        published("hourly-rollup", k8s.id());
        services.runs().reconcile();
        shell = new ShellHarness(stage, services, Boolean.getBoolean("streamdesk.screenshots.dark"), 1280, 800);
    }

    private Job published(String name, String clusterId) {
        Job job = services.jobs().createSqlJob(name, "/", clusterId);
        services.jobs().saveDraft(job.id(), "INSERT INTO sink SELECT * FROM src;");
        services.jobs().publish(job.id(), "first");
        return job;
    }

    @AfterEach
    void tearDown() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void takeScreenshots(FxRobot robot) throws Exception {
        String suffix = Boolean.getBoolean("streamdesk.screenshots.dark") ? "-dark" : "";
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#nav-clusters").tryQuery().isPresent());
        robot.clickOn("#nav-clusters");
        @SuppressWarnings("unchecked")
        TableView<ClusterSummary> table = robot.lookup("#clustersTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        robot.interact(() -> table.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#clusterSources").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "k8s-cluster-page" + suffix + ".png");

        kube.connection(k8s.id()).restSays("Unreachable", false, "port-forward to analytics-session-rest:8081 failed:"
                + " connection refused", Instant.now().minusSeconds(25));
        robot.clickOn("Refresh");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#clusterSourcesDisagree").tryQuery()
                .map(n -> n.isVisible()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "k8s-sources-disagree" + suffix + ".png");

        robot.clickOn("#addClusterButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#clusterKind").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ChoiceBox<io.streamdesk.model.cluster.ClusterKind> kind = robot.lookup("#clusterKind").queryAs(ChoiceBox.class);
        robot.interact(() -> kind.setValue(io.streamdesk.model.cluster.ClusterKind.KUBERNETES));
        robot.clickOn("#clusterName").write("payments-k8s");
        robot.clickOn("#k8sKubeconfig").write(kubeconfig.toString()).type(KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        ComboBox<Object> context = robot.lookup("#k8sContext").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> context.getItems().size() == 2);
        robot.clickOn("#k8sDeployment").write("Payments_Session");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#clusterProblem").queryAs(Label.class).getText()).startsWith("Deployment name");
        snap(robot, robot.lookup("#clusterName").query().getScene(), "k8s-add-dialog" + suffix + ".png");

        javafx.scene.control.TextField deployment = robot.lookup("#k8sDeployment").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.TextArea conf = robot.lookup("#k8sFlinkConf").queryAs(javafx.scene.control.TextArea.class);
        javafx.scene.control.TextArea aliases = robot.lookup("#k8sHostAliases").queryAs(javafx.scene.control.TextArea.class);
        javafx.scene.control.TextField dns = robot.lookup("#k8sNameservers").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.TextField savepoints = robot.lookup("#k8sSavepointDir").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.ScrollPane form = robot.lookup("#clusterFormScroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> {
            deployment.setText("payments-session");
            conf.setText("state.backend.type: rocksdb\nexecution.checkpointing.interval 30 s");
            aliases.setText("10.0.0.12 kafka-1.internal kafka-2.internal");
            dns.setText("10.0.0.2");
            savepoints.setText("s3://payments-state/savepoints");
            form.setVvalue(1.0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#clusterProblem").queryAs(Label.class).getText()).startsWith("Flink configuration, line 2");
        snap(robot, robot.lookup("#clusterName").query().getScene(), "k8s-add-dialog-lower" + suffix + ".png");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> shell.view.openJob(orders.id()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#jobSources").tryQuery()
                .map(n -> !((Label) n).getText().isEmpty()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "k8s-job-sources" + suffix + ".png");
    }

    private void snap(FxRobot robot, Scene scene, String name) {
        Path out = Path.of(TARGET).resolve(name);
        Snapshots.write(robot, scene, out);
        assertThat(out).exists();
    }
}
