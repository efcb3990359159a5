package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobType;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.jobtype.JarJobSpec;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
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
 * A JAR job clicked through (J1): the new-job dialog offers SQL, JAR and ETL and shows Python disabled with its
 * reason; the JAR page takes the main jar (a real jar built here), refuses an entry class the jar lacks inline,
 * parses the arguments as typed, saves, publishes, runs (the fake cluster records the /jars run request) and stops.
 */
@ExtendWith(ApplicationExtension.class)
class JarJobPageFlowTest {
    private final FakeServices services = new FakeServices();
    private ShellHarness shell;
    private DependencyRef ref;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("jar-page");
        Path jar = TestJars.compile(dir.resolve("build"), dir.resolve("counting-job.jar"), Map.of("demo.CountingJob",
                "package demo; public class CountingJob { public static void main(String[] a) { } }"));
        ref = new DependencyRef("counting-job.jar", 1, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        services.jobs().sqlContexts().withJarFiles(refs -> refs.stream().map(r -> {
            if (!r.equals(ref)) {
                throw new InputRejectedException("no stored version " + r);
            }
            return jar;
        }).toList());
        services.jarJobs().withJarVersions(() -> List.of(ref));
        services.clusters().startAll();
        shell = new ShellHarness(stage, services, false, 1280, 860);
    }

    @AfterEach
    void tearDown() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void aJarJobIsCreatedCheckedPublishedRunAndStoppedFromItsPage(FxRobot robot) throws Exception {
        robot.clickOn("#newJobButton");
        RadioButton python = robot.lookup("#newJobTypePython").queryAs(RadioButton.class);
        assertThat(python.isDisabled()).isTrue();
        assertThat(robot.lookup("#newJobTypeAboutPython").queryAs(Label.class).getText())
                .startsWith("Not available: ").contains("PyFlink");
        assertThat(robot.lookup("#newJobTypeSQL").queryAs(RadioButton.class).isSelected()).isTrue();
        robot.clickOn("#newJobTypeJAR");
        robot.clickOn("#newJobName").write("counting");
        robot.clickOn("#newJobOkButton");
        waitFor(() -> robot.lookup("#jarJobForm").tryQuery().isPresent());
        Job job = services.jobs().list().stream().filter(j -> j.name().equals("counting")).findFirst().orElseThrow();
        assertThat(job.type()).isEqualTo(JobType.JAR);

        robot.clickOn("#jarMainJar");
        robot.clickOn("counting-job.jar@1   sha256 0123456789ab");
        robot.clickOn("#jarEntryClass").write("demo.Missing");
        robot.clickOn("#jarArguments").write("--label 'two words");
        Label argsError = robot.lookup("#jarArgumentsError").queryAs(Label.class);
        assertThat(argsError.getText()).isEqualTo(
                "Arguments: the single quote opened here is not closed (line 1, column 9)");
        robot.write("'");
        assertThat(argsError.isVisible()).isFalse();
        assertThat(robot.lookup("#jarArgumentsPreview").queryAs(Label.class).getText())
                .isEqualTo("2 arguments: [--label] [two words]");

        robot.clickOn("#jarSaveButton");
        Label classError = robot.lookup("#jarEntryClassError").queryAs(Label.class);
        waitFor(() -> classError.isVisible());
        assertThat(classError.getText()).isEqualTo("Entry class: demo.Missing is not in the jar counting-job.jar@1"
                + " (no entry demo/Missing.class).");
        assertThat(services.jarJobs().draft(job.id()).entryClass()).isEqualTo("demo.Missing");

        // publishing with the wrong class is refused with the check's words
        robot.clickOn("#publishButton");
        robot.clickOn("#publishDescription").write("first");
        robot.clickOn("#publishOkButton");
        Label publishError = robot.lookup("#publishError").queryAs(Label.class);
        waitFor(() -> publishError.getText().contains("demo.Missing"));
        robot.clickOn("#publishCancelButton");

        TextField entry = robot.lookup("#jarEntryClass").queryAs(TextField.class);
        robot.interact(() -> entry.setText("demo.CountingJob"));
        assertThat(classError.isVisible()).isFalse();
        robot.clickOn("#jarCheckButton");
        Label message = robot.lookup("#jarMessage").queryAs(Label.class);
        waitFor(() -> message.getText().contains("ready to publish"));

        // Publish saves the form first (Ctrl+S was not pressed): the version freezes what the page shows
        robot.clickOn("#publishButton");
        robot.clickOn("#publishDescription").write("counting numbers");
        robot.clickOn("#publishOkButton");
        waitFor(() -> !services.jobs().versions(job.id()).isEmpty());
        assertThat(services.jarJobs().version(job.id(), 1)).contains(
                new JarJobSpec(ref, "demo.CountingJob", "--label 'two words'", 1));

        Label status = robot.lookup("#jobStatus").queryAs(Label.class);
        waitFor(() -> "Stopped".equals(status.getText()));
        robot.clickOn("#runButton");
        waitFor(() -> robot.lookup("#runOkButton").tryQuery().isPresent()
                && !robot.lookup("#runOkButton").queryButton().isDisabled());
        robot.clickOn("#runOkButton");
        waitFor(() -> "Running".equals(status.getText()));
        assertThat(services.gateway.jarRuns).singleElement().satisfies(run -> {
            assertThat(run.entryClass()).isEqualTo("demo.CountingJob");
            assertThat(run.programArgs()).containsExactly("--label", "two words");
            assertThat(run.parallelism()).isEqualTo(1);
            assertThat(run.savepointPath()).isNull();
        });
        assertThat(services.gateway.uploadedJars).as("the upload is deleted after the run").isEmpty();

        robot.clickOn("#stopButton");
        waitFor(() -> robot.lookup("#stopOkButton").tryQuery().isPresent());
        robot.clickOn("#stopOkButton");
        waitFor(() -> "Stopped".equals(status.getText()));
        assertThat(robot.lookup("#jarArguments").queryAs(TextArea.class).getText()).isEqualTo("--label 'two words'");
    }

    private void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
