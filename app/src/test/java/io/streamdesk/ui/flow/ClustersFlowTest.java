package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.testing.FakeRemoteClusters;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.clusters.ClusterSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Clusters pane as a user clicks through it (R4): add a remote session cluster through the dialog (a wrong URL is
 * named inline and keeps Add disabled), see it listed with its page, create a job on it from the new-job dialog, and
 * a removal refused while that job cannot be stopped with a savepoint, then one that stops it with one. Over the real services with in-memory ports and a fake remote connector.
 */
@ExtendWith(ApplicationExtension.class)
class ClustersFlowTest {
    private final FakeRemoteClusters remotes = new FakeRemoteClusters();
    private final FakeServices services = new FakeServices(Path.of(System.getProperty("java.io.tmpdir")),
            List.of(remotes));
    private ShellHarness shell;

    @Start
    void start(Stage stage) {
        remotes.sharing(services.gateway);
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
    void scaleTheLocalClusterThroughItsDialog(FxRobot robot) throws Exception {
        Job orders = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(orders.id(), "INSERT INTO s SELECT * FROM t;");
        services.jobs().publish(orders.id(), "v1");
        services.runs().run(orders.id(), 1, RestoreChoice.fresh());
        waitFor(() -> robot.lookup("#nav-clusters").tryQuery().isPresent());
        robot.clickOn("#nav-clusters");
        waitFor(() -> robot.lookup("#clustersTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<ClusterSummary> table = robot.lookup("#clustersTable").queryAs(TableView.class);
        waitFor(() -> table.getItems().size() == 1 && table.getItems().get(0).slotsTotal() == 4);
        robot.interact(() -> table.getSelectionModel().select(0));
        waitFor(() -> robot.lookup("#clusterScale").tryQuery().map(n -> !((Button) n).isDisabled()).orElse(false));
        assertThat(robot.lookup("#clusterScaleReason").queryAs(Label.class).getText())
                .isEqualTo(ClusterSummary.SCALE_LOCAL);
        robot.clickOn("#clusterScale");
        waitFor(() -> robot.lookup("#clusterScaleSlots").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> slots = robot.lookup("#clusterScaleSlots")
                .queryAs(javafx.scene.control.Spinner.class);
        assertThat(slots.getValue()).isEqualTo(4);
        assertThat(((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) slots.getValueFactory())
                .getMin()).isEqualTo(1); // the running job uses one slot
        robot.interact(() -> slots.getValueFactory().setValue(6));
        robot.clickOn("#clusterScaleConfirm");
        waitFor(() -> robot.lookup("#messageLabel").queryAs(Label.class).getText().startsWith("Scaled from 4 to 6"));
        assertThat(robot.lookup("#messageLabel").queryAs(Label.class).getText()).contains("orders: resumed version 1");
        assertThat(services.gateway.slotsTotal).isEqualTo(6);
        assertThat(services.jobs().job(orders.id()).status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void addAClusterCreateAJobOnItAndRemoveItStoppingTheJobWithASavepoint(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#nav-clusters").tryQuery().isPresent());
        robot.clickOn("#nav-clusters");
        waitFor(() -> robot.lookup("#clustersTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<ClusterSummary> table = robot.lookup("#clustersTable").queryAs(TableView.class);
        waitFor(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).name()).isEqualTo("Local cluster");

        // the dialog names what is wrong and keeps Add disabled until the form is valid
        robot.clickOn("#addClusterButton");
        waitFor(() -> robot.lookup("#clusterName").tryQuery().isPresent());
        Button save = robot.lookup("#clusterSave").queryAs(Button.class);
        Label problem = robot.lookup("#clusterProblem").queryAs(Label.class);
        assertThat(save.isDisabled()).isTrue();
        assertThat(problem.getText()).isEqualTo("Name: a cluster needs a name.");
        robot.clickOn("#clusterName").write("shared-prod");
        robot.clickOn("#clusterUrl").write("jm.example:8081");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problem.getText()).startsWith("The REST URL must start with http:// or https://");
        assertThat(problem.isVisible()).isTrue();
        assertThat(save.isDisabled()).isTrue();
        TextField url = robot.lookup("#clusterUrl").queryAs(TextField.class);
        robot.interact(url::clear);
        robot.clickOn(url).write("http://jm.example:8081");
        robot.clickOn("#clusterSavepointDir").write("s3://bucket/savepoints");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problem.getText()).isEmpty();
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);

        // listed, selected, its page shown
        waitFor(() -> table.getItems().size() == 2);
        ClusterDefinition added = services.clusters().definitions().get(1);
        assertThat(added.name()).isEqualTo("shared-prod");
        assertThat(added.savepointDirectory()).isEqualTo("s3://bucket/savepoints");
        waitFor(() -> robot.lookup("#clusterPageTitle").tryQuery().map(n -> "shared-prod".equals(((Label) n).getText()))
                .orElse(false));
        assertThat(robot.lookup("#clusterRestUrl").queryAs(Label.class).getText()).isEqualTo("http://jm.example:8081");
        assertThat(robot.lookup("#clusterScaleReason").queryAs(Label.class).getText())
                .isEqualTo(ClusterSummary.SCALE_REMOTE);
        assertThat(robot.lookup("#clusterScale").queryAs(Button.class).isDisabled()).isTrue();
        // the pane's poll refreshes the rows: the selection and its page stay
        WaitForAsyncUtils.sleep(6, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedItem()).extracting(ClusterSummary::name).isEqualTo("shared-prod");
        assertThat(robot.lookup("#clusterPageTitle").queryAs(Label.class).getText()).isEqualTo("shared-prod");

        // a new job placed on it through the new-job dialog's cluster choice
        robot.clickOn("#nav-jobs");
        robot.clickOn("#newJobButton");
        waitFor(() -> robot.lookup("#newJobCluster").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ChoiceBox<Object> cluster = robot.lookup("#newJobCluster").queryAs(ChoiceBox.class);
        waitFor(() -> cluster.getItems().size() == 2 && cluster.getValue() != null);
        assertThat(cluster.getValue().toString()).isEqualTo("Local cluster (Local)");
        robot.interact(() -> cluster.getSelectionModel().select(1));
        robot.clickOn("#newJobName").write("orders-on-prod");
        robot.clickOn("#newJobOkButton");
        waitFor(() -> services.jobs().list().stream().anyMatch(j -> j.name().equals("orders-on-prod")));
        Job job = services.jobs().list().stream().filter(j -> j.name().equals("orders-on-prod")).findFirst().orElseThrow();
        assertThat(job.clusterId()).isEqualTo(added.id());
        services.jobs().saveDraft(job.id(), "INSERT INTO s SELECT * FROM t;");
        services.jobs().publish(job.id(), "first");
        assertThat(services.runs().run(job.id(), 1, RestoreChoice.fresh()).status()).isEqualTo(JobStatus.RUNNING);

        // removing it lists the job, asks; a job that cannot be stopped with a savepoint refuses it
        robot.clickOn("#nav-clusters");
        robot.interact(() -> table.getSelectionModel().select(1));
        try {
            waitFor(() -> robot.lookup("#clusterJobsValue").tryQuery()
                    .map(n -> ((Label) n).getText().contains("orders-on-prod")).orElse(false));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the page did not show the new job; page: "
                    + robot.lookup("#clusterJobsValue").tryQuery().map(n -> ((Label) n).getText()).orElse("(none)")
                    + "; error: " + robot.lookup("#errorLabel").queryAs(Label.class).getText()
                    + "; selected: " + table.getSelectionModel().getSelectedItem(), e);
        }
        robot.clickOn("#clusterRemove");
        waitFor(() -> robot.lookup("#removeJobList").tryQuery().isPresent());
        assertThat(robot.lookup("#removeJobList").queryAs(TextArea.class).getText()).contains("orders-on-prod");
        services.gateway.failSavepoints("the savepoint directory is not writable");
        robot.clickOn("#removeConfirm");
        waitFor(() -> robot.lookup("#errorLabel").tryQuery()
                .map(n -> ((Label) n).getText().contains("could not be stopped with a savepoint")).orElse(false));
        Label error = robot.lookup("#errorLabel").queryAs(Label.class);
        assertThat(error.getText()).contains("shared-prod").contains("orders-on-prod");
        assertThat(error.isVisible()).isTrue();
        assertThat(table.getItems()).hasSize(2);
        assertThat(services.clusters().definition(added.id())).isPresent();

        // with savepoints working, removing stops the job with one and the cluster goes
        services.gateway.failSavepoints(null);
        // the page may have been rebuilt after the refusal: click the button that is on screen now
        java.util.function.Predicate<javafx.scene.Node> shown = n -> n.getScene() != null && !n.isDisabled();
        waitFor(() -> robot.lookup("#clusterRemove").match(shown).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#clusterRemove").match(shown).<javafx.scene.Node>query());
        waitFor(() -> robot.lookup("#removeConfirm").match(shown).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#removeConfirm").match(shown).<javafx.scene.Node>query());
        waitFor(() -> robot.lookup("#messageLabel").tryQuery()
                .map(n -> ((Label) n).getText().contains("Stopped with a savepoint: orders-on-prod")).orElse(false));
        assertThat(services.clusters().definition(added.id())).isEmpty();
        assertThat(services.jobs().job(job.id()).status()).isEqualTo(JobStatus.STOPPED);
        waitFor(() -> table.getItems().size() == 1);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
