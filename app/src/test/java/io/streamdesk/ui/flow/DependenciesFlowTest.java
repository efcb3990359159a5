package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.dependency.Dependency;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.dependency.DependencyUse;
import io.streamdesk.model.dependency.DependencyVersion;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.TestJars;
import io.streamdesk.ui.dependencies.DependenciesView;
import io.streamdesk.ui.dependencies.DependenciesViewModel;
import io.streamdesk.ui.task.BackgroundWork;
import io.streamdesk.ui.task.ExecutorScheduler;
import io.streamdesk.ui.task.FxTaskExecutor;
import io.streamdesk.ui.task.UiContext;
import io.streamdesk.ui.task.UiThread;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Dependencies pane as a user clicks through it (DP1-DP3), over the real services with real files in a temp
 * directory: the empty state, Upload… (the file chooser replaced by the files the test made) fills the list in the
 * background, the same name again is version 2, a 60 MB jar and a non-jar are refused inline naming why, a
 * configuration file's content is shown, and removing a version a job uses is refused naming the job.
 */
@ExtendWith(ApplicationExtension.class)
class DependenciesFlowTest {
    private static final Path DIR = tempDir();
    private final FakeServices services = new FakeServices(DIR);
    private final Deque<DependenciesView.Upload> uploads = new ArrayDeque<>();
    private DependenciesViewModel vm;

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("streamdesk-deps-flow");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (var all = Files.walk(DIR)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                p.toFile().setWritable(true);
                p.toFile().delete();
            });
        }
    }

    @Start
    void start(Stage stage) {
        UiThread ui = UiThread.fx();
        UiContext ctx = new UiContext(new FxTaskExecutor(2), ui, new ExecutorScheduler(ui, java.time.Clock.systemUTC()),
                new BackgroundWork());
        vm = new DependenciesViewModel(services::dependencies, ctx);
        DependenciesView view = new DependenciesView(vm, v -> Optional.ofNullable(uploads.poll()));
        stage.setScene(new Scene(view.root(), 1100, 800));
        stage.show();
    }

    @Test
    void uploadSeeTheListFillViewContentAndARefusedRemoval(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#dependenciesTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<Dependency> table = robot.lookup("#dependenciesTable").queryAs(TableView.class);
        assertThat(robot.lookup("#dependenciesEmpty").queryAs(Label.class).getText())
                .isEqualTo(DependenciesViewModel.EMPTY).contains("Upload");

        Path up = DIR.resolve("uploads");
        uploads.add(new DependenciesView.Upload(TestJars.jar(up, "flink-connector-demo.jar", "1"), "first"));
        robot.clickOn("#uploadDependency");
        waitFor(() -> table.getItems().size() == 1);
        waitFor(() -> message(robot).startsWith("Uploaded flink-connector-demo.jar@1"));
        assertThat(table.getItems().get(0).kind().label()).isEqualTo("JAR");

        uploads.add(new DependenciesView.Upload(TestJars.jar(up, "flink-connector-demo.jar", "2"), "second"));
        robot.clickOn("#uploadDependency");
        waitFor(() -> message(robot).startsWith("Uploaded flink-connector-demo.jar@2"));
        @SuppressWarnings("unchecked")
        TableView<DependencyVersion> versions = robot.lookup("#dependencyVersionsTable").queryAs(TableView.class);
        waitFor(() -> versions.getItems().size() == 2);
        assertThat(versions.getItems()).extracting(DependencyVersion::description).containsExactly("second", "first");

        uploads.add(new DependenciesView.Upload(TestJars.sparse(up, "huge.jar", 60L * 1024 * 1024), ""));
        robot.clickOn("#uploadDependency");
        waitFor(() -> error(robot).contains("huge.jar: 60.0 MB"));
        assertThat(error(robot)).contains("over the limit of 50.0 MB for a JAR");
        uploads.add(new DependenciesView.Upload(TestJars.text(up, "broken.jar", "not a zip"), ""));
        robot.clickOn("#uploadDependency");
        waitFor(() -> error(robot).contains("broken.jar is not a JAR"));
        assertThat(table.getItems()).hasSize(1);

        uploads.add(new DependenciesView.Upload(TestJars.text(up, "job-settings.yaml", "rate: 10\nsink: print\n"), ""));
        robot.clickOn("#uploadDependency");
        waitFor(() -> table.getItems().size() == 2);
        waitFor(() -> versions.getItems().size() == 1 && versions.getItems().get(0).name().equals("job-settings.yaml"));
        robot.interact(() -> versions.getSelectionModel().select(0));
        robot.clickOn("#viewDependencyContent");
        TextArea content = robot.lookup("#dependencyContent").queryAs(TextArea.class);
        waitFor(() -> content.getText().equals("rate: 10\nsink: print\n"));
        assertThat(content.isEditable()).isFalse();

        // a job uses @1 of the jar: its removal is refused, naming the job, and the page lists the job
        Job job = services.jobs().createSqlJob("orders", "/");
        services.dependencies().useInDraft(job.id(), List.of(DependencyRef.parse("flink-connector-demo.jar@1")));
        robot.interact(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(d -> d.name().equals("flink-connector-demo.jar")).findFirst().orElseThrow()));
        waitFor(() -> versions.getItems().size() == 2);
        @SuppressWarnings("unchecked")
        ListView<DependencyUse> uses = robot.lookup("#dependencyUses").queryAs(ListView.class);
        waitFor(() -> uses.getItems().size() == 1);
        robot.interact(() -> vm.removeVersion(versions.getItems().get(1)));
        waitFor(() -> error(robot).contains("flink-connector-demo.jar@1 cannot be removed"));
        assertThat(error(robot)).contains("the draft of job 'orders' (" + job.id().value() + ")");
        assertThat(services.dependencies().versions("flink-connector-demo.jar")).hasSize(2);

        robot.interact(() -> vm.removeVersion(versions.getItems().get(0)));
        waitFor(() -> message(robot).equals("Removed flink-connector-demo.jar@2."));
        waitFor(() -> versions.getItems().size() == 1);
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#dependencyMessage").queryAs(Label.class).getText();
    }

    private static String error(FxRobot robot) {
        return robot.lookup("#dependencyError").queryAs(Label.class).getText();
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
