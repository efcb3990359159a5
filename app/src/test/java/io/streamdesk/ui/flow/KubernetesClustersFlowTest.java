package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.model.cluster.SourceReading;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.model.cluster.KubeconfigContext;
import io.streamdesk.testing.FakeKubernetesClusters;
import io.streamdesk.testing.FakeRemoteClusters;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.clusters.ClusterSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A Kubernetes cluster in the Clusters pane as a user clicks through it (R3, R4): added through the dialog with its
 * contexts listed from a kubeconfig file the test wrote (the namespace follows the chosen context), a bad field
 * refused naming it, the cluster's page with its sources and the "sources disagree" mark when the operator says READY
 * but Flink REST does not answer, and a scale below the task slots running jobs use refused naming the job. Over the
 * real services with in-memory ports and {@link FakeKubernetesClusters} in place of the Kubernetes adapter (no
 * Kubernetes API server can run on these machines; the adapter is tested against fabric8's mock server).
 */
@ExtendWith(ApplicationExtension.class)
class KubernetesClustersFlowTest {
    static final String KUBECONFIG = KubernetesFlowFixtures.KUBECONFIG;

    @TempDir
    Path dir;
    private final FakeKubernetesClusters kube = new FakeKubernetesClusters();
    private FakeServices services;
    private ShellHarness shell;

    @Start
    void start(Stage stage) {
        services = new FakeServices(Path.of(System.getProperty("java.io.tmpdir")), List.of(kube, new FakeRemoteClusters()));
        kube.sharing(services.gateway);
        services.clusters().startAll();
        shell = new ShellHarness(stage, services, false, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void addAKubernetesClusterThroughTheDialog(FxRobot robot) throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("config"), KUBECONFIG);
        TableView<ClusterSummary> table = openClusters(robot, 1);
        robot.clickOn("#addClusterButton");
        waitFor(() -> robot.lookup("#clusterKind").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ChoiceBox<ClusterKind> kind = robot.lookup("#clusterKind").queryAs(ChoiceBox.class);
        robot.interact(() -> kind.setValue(ClusterKind.KUBERNETES));
        robot.clickOn("#clusterName").write("analytics-k8s");
        robot.clickOn("#k8sKubeconfig").write(kubeconfig.toString()).type(KeyCode.ENTER);

        // the contexts are listed, the current one chosen, its namespace "default" filled in
        @SuppressWarnings("unchecked")
        ComboBox<KubeconfigContext> context = robot.lookup("#k8sContext").queryAs(ComboBox.class);
        waitFor(() -> context.getItems().size() == 2 && context.getValue() != null);
        assertThat(context.getItems()).extracting(KubeconfigContext::name).containsExactly("dev", "prod-eu");
        assertThat(context.getValue().name()).isEqualTo("dev");
        TextField namespace = robot.lookup("#k8sNamespace").queryAs(TextField.class);
        assertThat(namespace.getText()).isEqualTo("default");
        robot.interact(() -> context.setValue(context.getItems().get(1)));
        assertThat(namespace.getText()).isEqualTo("analytics");

        Button save = robot.lookup("#clusterSave").queryAs(Button.class);
        Label problem = robot.lookup("#clusterProblem").queryAs(Label.class);
        assertThat(problem.getText()).isEqualTo("Deployment name is empty.");
        assertThat(save.isDisabled()).isTrue();
        robot.clickOn("#k8sDeployment").write("Analytics_Session");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problem.getText()).startsWith("Deployment name 'Analytics_Session' must be lower-case letters");
        TextField deployment = robot.lookup("#k8sDeployment").queryAs(TextField.class);
        robot.interact(deployment::clear);
        robot.clickOn(deployment).write("analytics-session");
        // the fields below the fold are filled as typed text would fill them (the dialog's form scrolls)
        set(robot, "#k8sFlinkConf", "state.backend.type: rocksdb\nexecution.checkpointing.interval 30 s");
        assertThat(problem.getText()).isEqualTo("Flink configuration, line 2: 'execution.checkpointing.interval 30 s'"
                + " is not 'key: value'.");
        assertThat(save.isDisabled()).isTrue();
        set(robot, "#k8sFlinkConf", "state.backend.type: rocksdb\nexecution.checkpointing.interval: 30 s");
        set(robot, "#k8sTmReplicas", "3");
        set(robot, "#k8sHostAliases", "10.0.0.12 kafka-1.internal kafka-2.internal");
        set(robot, "#k8sNameservers", "10.0.0.2");
        assertThat(problem.getText()).startsWith("Savepoint directory: required for a Kubernetes cluster");
        set(robot, "#k8sSavepointDir", "s3://analytics/savepoints");
        assertThat(problem.getText()).isEmpty();
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);

        waitFor(() -> table.getItems().size() == 2);
        ClusterDefinition added = services.clusters().definitions().get(1);
        KubernetesSpec spec = added.kubernetes();
        assertThat(added.kind()).isEqualTo(ClusterKind.KUBERNETES);
        assertThat(spec.kubeconfig()).isEqualTo(kubeconfig);
        assertThat(spec.context()).isEqualTo("prod-eu");
        assertThat(spec.namespace()).isEqualTo("analytics");
        assertThat(spec.deploymentName()).isEqualTo("analytics-session");
        assertThat(spec.flinkVersion()).isEqualTo("v2_3");
        assertThat(spec.taskManager().replicas()).isEqualTo(3);
        assertThat(spec.flinkConfiguration()).containsEntry("execution.checkpointing.interval", "30 s");
        assertThat(spec.hostAliases()).singleElement().extracting(KubernetesSpec.HostAlias::hostnames)
                .isEqualTo(List.of("kafka-1.internal", "kafka-2.internal"));
        assertThat(spec.dns().nameservers()).containsExactly("10.0.0.2");
        assertThat(added.savepointDirectory()).isEqualTo("s3://analytics/savepoints");
        waitFor(() -> robot.lookup("#clusterPageTitle").tryQuery()
                .map(n -> "analytics-k8s".equals(((Label) n).getText())).orElse(false));
        assertThat(robot.lookup("#k8sNamespaceValue").queryAs(Label.class).getText())
                .startsWith("analytics in context prod-eu");
        assertThat(robot.lookup("#clusterDnsValue").queryAs(Label.class).getText())
                .contains("Host alias 10.0.0.12 \u2192 kafka-1.internal, kafka-2.internal").contains("Name servers 10.0.0.2");
    }

    @Test
    void aKubeconfigThatCannotBeReadIsShownInline(FxRobot robot) throws Exception {
        openClusters(robot, 1);
        robot.clickOn("#addClusterButton");
        waitFor(() -> robot.lookup("#clusterKind").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ChoiceBox<ClusterKind> kind = robot.lookup("#clusterKind").queryAs(ChoiceBox.class);
        robot.interact(() -> kind.setValue(ClusterKind.KUBERNETES));
        robot.clickOn("#k8sKubeconfig").write(dir.resolve("missing").toString()).type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#k8sContextsError").queryAs(Label.class).getText().contains("does not exist"));
        assertThat(robot.lookup("#k8sContextsError").queryAs(Label.class).isVisible()).isTrue();
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void thePageShowsTheSourcesAndMarksADisagreementAndAScaleBelowTheSlotsInUseIsRefused(FxRobot robot)
            throws Exception {
        Files.writeString(dir.resolve("config"), KUBECONFIG);
        ClusterDefinition k8s = services.clusters().addKubernetes("analytics-k8s",
                FakeKubernetesClusters.spec("analytics", 1, 2), null, "s3://analytics/savepoints");
        Job orders = services.jobs().createSqlJob("orders", "/", k8s.id());
        services.jobs().saveDraft(orders.id(), "INSERT INTO s SELECT * FROM t;");
        services.jobs().publish(orders.id(), "v1");
        services.runs().run(orders.id(), 1, RestoreChoice.fresh());
        TableView<ClusterSummary> table = openClusters(robot, 2);
        robot.interact(() -> table.getSelectionModel().select(1));
        waitFor(() -> robot.lookup("#clusterSources").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<SourceReading> sources = robot.lookup("#clusterSources").queryAs(TableView.class);
        assertThat(sources.getItems()).extracting(SourceReading::source).containsExactly("Operator", "Flink REST");
        assertThat(sources.getItems()).extracting(SourceReading::value)
                .containsExactly("STABLE / READY", "Answering (Flink 2.3.0)");
        assertThat(robot.lookup("#clusterSourcesDisagree").queryAs(Label.class).isVisible()).isFalse();

        kube.connection(k8s.id()).restSays("Unreachable", false, "port-forward to analytics-rest failed",
                Instant.now().minusSeconds(12));
        robot.clickOn("Refresh");
        waitFor(() -> robot.lookup("#clusterSourcesDisagree").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#clusterSourcesDisagree").queryAs(Label.class).getText())
                .isEqualTo("Sources disagree: Operator says STABLE / READY, but Flink REST says Unreachable");
        assertThat(robot.lookup("#clusterSources").queryAs(TableView.class).getItems()).hasSize(2);

        // answering again: one TaskManager of 2 slots, 1 used by "orders"; 0 TaskManagers is refused naming it
        kube.connection(k8s.id()).restSays("Answering (Flink 2.3.0)", true, null, Instant.now());
        robot.clickOn("Refresh");
        waitFor(() -> !robot.lookup("#clusterSourcesDisagree").queryAs(Label.class).isVisible()
                && table.getItems().get(1).slotsInUse() == 1);
        robot.clickOn("#clusterScale");
        waitFor(() -> robot.lookup("#k8sScaleReplicas").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        Spinner<Integer> replicas = robot.lookup("#k8sScaleReplicas").queryAs(Spinner.class);
        robot.interact(() -> replicas.getValueFactory().setValue(0));
        robot.clickOn("#k8sScaleConfirm");
        waitFor(() -> robot.lookup("#errorLabel").queryAs(Label.class).getText().contains("Running jobs use 1 task slot"));
        assertThat(robot.lookup("#errorLabel").queryAs(Label.class).getText())
                .contains("(orders)").contains("Keep at least 1 TaskManager");
        assertThat(kube.connection(k8s.id()).calls).isEmpty();

        // scaling out is accepted and followed until the operator settles
        robot.clickOn("#clusterScale");
        waitFor(() -> robot.lookup("#k8sScaleReplicas").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        Spinner<Integer> again = robot.lookup("#k8sScaleReplicas").queryAs(Spinner.class);
        robot.interact(() -> again.getValueFactory().setValue(2));
        robot.clickOn("#k8sScaleConfirm");
        waitFor(() -> robot.lookup("#clusterSettling").queryAs(Label.class).getText()
                .contains("the operator says UPGRADING / DEPLOYING"));
        assertThat(kube.connection(k8s.id()).calls).containsExactly("scale 2 x 2.0 CPU 4096m");
        kube.connection(k8s.id()).settle();
        robot.clickOn("Refresh");
        waitFor(() -> robot.lookup("#messageLabel").queryAs(Label.class).getText()
                .equals("Scaled \u201canalytics-k8s\u201d: the operator says STABLE / READY."));
        assertThat(robot.lookup("#clusterSettling").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#k8sTaskManagersValue").queryAs(Label.class).getText()).startsWith("2 x 2 CPU, 4096m");
    }

    private static void set(FxRobot robot, String id, String text) {
        javafx.scene.control.TextInputControl field = robot.lookup(id).queryAs(javafx.scene.control.TextInputControl.class);
        robot.interact(() -> field.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<ClusterSummary> openClusters(FxRobot robot, int rows) throws Exception {
        waitFor(() -> robot.lookup("#nav-clusters").tryQuery().isPresent());
        robot.clickOn("#nav-clusters");
        waitFor(() -> robot.lookup("#clustersTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<ClusterSummary> table = robot.lookup("#clustersTable").queryAs(TableView.class);
        waitFor(() -> table.getItems().size() == rows);
        return table;
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
