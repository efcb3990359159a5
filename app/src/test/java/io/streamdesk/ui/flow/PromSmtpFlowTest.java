package io.streamdesk.ui.flow;

import io.streamdesk.model.SmtpSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.service.alarms.EmailDelivery;
import io.streamdesk.testing.FakeServices;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * MO4 and AL3 in the window: the Prometheus option writes the reporter lines into the Configuration tab's parameters
 * (password as a secret reference), reads them back and removes them when switched off; the SMTP settings dialog
 * refuses a bad port, saves, and shows only "password set". With {@code -Dstreamdesk.screenshots=docs/screenshots}
 * it also writes prometheus-option*.png and alarm-smtp-settings*.png.
 */
@ExtendWith(ApplicationExtension.class)
class PromSmtpFlowTest {
    private static final String SHOTS = System.getProperty("streamdesk.screenshots");
    private static final boolean DARK = Boolean.getBoolean("streamdesk.screenshots.dark");
    private final FakeServices services = new FakeServices();
    private ShellHarness shell;
    private Job job;

    @Start
    void start(Stage stage) {
        job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), "INSERT INTO a SELECT 1;");
        shell = new ShellHarness(stage, services, DARK, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void thePrometheusOptionWritesReadsBackAndRemovesTheReporterLines(FxRobot robot) throws Exception {
        robot.doubleClickOn("orders");
        waitFor(() -> robot.lookup("Configuration").tryQuery().isPresent());
        robot.clickOn("Configuration");
        CodeArea area = robot.lookup("#configParameters").queryAs(CodeArea.class);
        waitFor(() -> area.getText().contains("pipeline.max-parallelism"));
        robot.interact(() -> area.insertText(0, "# mine\n"));

        robot.clickOn("Prometheus");
        waitFor(() -> robot.lookup("#enabledBox").tryQuery().isPresent());
        robot.clickOn("#enabledBox");
        type(robot, "#hostField", "push.example.org");
        type(robot, "#userField", "flink");
        robot.clickOn("#passwordField").write("s3cret");
        robot.clickOn("#applyButton");
        TextArea preview = robot.lookup("#previewArea").queryAs(TextArea.class);
        waitFor(() -> preview.getText().contains("hostUrl"));
        assertThat(preview.getText()).contains("metrics.reporter.promgateway.password: ${secret:").doesNotContain("s3cret");
        assertThat(services.secretStore.values).containsValue("s3cret");
        waitFor(() -> services.jobs().draft(job.id()).orElseThrow().config().parameters().contains("promgateway.hostUrl"));
        String saved = services.jobs().draft(job.id()).orElseThrow().config().parameters();
        assertThat(saved).startsWith("# mine\npipeline.max-parallelism").contains("http://push.example.org:9091")
                .doesNotContain("s3cret");
        assertThat(area.getText()).isEqualTo(saved);
        assertThat(robot.lookup("#passwordStateLabel").queryAs(Label.class).getText()).startsWith("Password: set");
        snap(robot, shell.scene, "prometheus-option");

        // reopened: the form reads the lines back from the parameters
        robot.clickOn("Configuration");
        robot.interact(() -> area.replaceText(area.getText().replace("jobName: " + job.id().value(), "jobName: renamed")));
        robot.clickOn("Prometheus");
        waitFor(() -> "renamed".equals(robot.lookup("#jobNameField").queryAs(javafx.scene.control.TextField.class).getText()));
        assertThat(robot.lookup("#hostField").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("push.example.org");

        robot.clickOn("#enabledBox");
        robot.clickOn("#applyButton");
        waitFor(() -> !services.jobs().draft(job.id()).orElseThrow().config().parameters().contains("promgateway"));
        assertThat(services.jobs().draft(job.id()).orElseThrow().config().parameters()).startsWith("# mine\n");
    }

    @Test
    void theSmtpDialogValidatesSavesAndNeverShowsThePassword(FxRobot robot) throws Exception {
        robot.clickOn("Alarms");
        waitFor(() -> robot.lookup("#smtpButton").tryQuery().isPresent());
        robot.clickOn("#smtpButton");
        waitFor(() -> robot.lookup("#smtpHost").tryQuery().isPresent());
        type(robot, "#smtpHost", "smtp.example.org");
        type(robot, "#smtpPort", "70000");
        type(robot, "#smtpUser", "alarms");
        robot.clickOn("#smtpPassword").write("pw-123");
        type(robot, "#smtpFrom", "alarms@example.org");
        robot.clickOn("#smtpSaveButton");
        Label status = robot.lookup("#smtpStatus").queryAs(Label.class);
        waitFor(() -> status.getText().contains("1..65535"));
        assertThat(services.smtpStore.read()).isNull();
        type(robot, "#smtpPort", "587");
        robot.clickOn("#smtpSaveButton");
        waitFor(() -> services.smtpStore.read() != null);
        SmtpSettings saved = services.smtpStore.read();
        assertThat(saved.host()).isEqualTo("smtp.example.org");
        assertThat(saved.port()).isEqualTo(587);
        assertThat(saved.security()).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThat(saved.toString()).doesNotContain("pw-123");
        assertThat(services.secretStore.get(saved.passwordSecretId())).contains("pw-123");
        waitFor(() -> robot.lookup("#smtpHost").tryQuery().isEmpty());

        robot.clickOn("#smtpButton");
        waitFor(() -> robot.lookup("#smtpPasswordState").tryQuery().isPresent());
        Label state = robot.lookup("#smtpPasswordState").queryAs(Label.class);
        waitFor(() -> state.getText().startsWith("Password: set"));
        assertThat(robot.lookup("#smtpPassword").queryAs(javafx.scene.control.PasswordField.class).getText()).isEmpty();
        assertThat(robot.lookup("#smtpHost").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("smtp.example.org");
        type(robot, "#smtpTestTo", "oncall@example.org");
        snap(robot, robot.lookup("#smtpHost").queryAs(Node.class).getScene(), "alarm-smtp-settings");
        robot.interact(() -> robot.lookup("#smtpHost").queryAs(Node.class).getScene().getWindow().hide());
    }

    /** Sets a text field's text (typing every character through the robot is slow on Monocle). */
    private static void type(FxRobot robot, String query, String text) {
        javafx.scene.control.TextField field = robot.lookup(query).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.setText(text);
        });
    }

    private void snap(FxRobot robot, javafx.scene.Scene scene, String name) {
        if (SHOTS != null && !SHOTS.isBlank()) {
            Path out = Path.of(SHOTS).resolve(name + (DARK ? "-dark" : "") + ".png");
            Snapshots.write(robot, scene, out);
            assertThat(out).exists();
        }
    }

    private void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
