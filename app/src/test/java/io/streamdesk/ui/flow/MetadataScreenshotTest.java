package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.metadata.TableTemplate;
import io.streamdesk.testing.FakeServices;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
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
 * Writes docs/screenshots/metadata-*.png (issue 12) from the real pane over the real services and Flink's parser: the
 * tree with tables in two databases, a table's page, and New table with a mistake marked. Opt-in like
 * {@link ScreenshotTest}: {@code mvn -o -q test -Dtest=MetadataScreenshotTest -Dstreamdesk.screenshots=docs/screenshots
 * [-Dstreamdesk.screenshots.dark=true]}.
 */
@ExtendWith(ApplicationExtension.class)
class MetadataScreenshotTest {
    private static final String TARGET = System.getProperty("streamdesk.screenshots");
    private final FakeServices services = new FakeServices(Path.of(System.getProperty("java.io.tmpdir")));
    private ShellHarness shell;

    @BeforeAll
    static void onlyWhenAsked() {
        Assumptions.assumeTrue(TARGET != null && !TARGET.isBlank(), "screenshots not requested");
    }

    @Start
    void start(Stage stage) {
        var m = services.metadata();
        m.createTable("_dc", "_db", TableTemplate.byId("kafka").ddl("orders"));
        m.createTable("_dc", "_db", TableTemplate.byId("upsert-kafka").ddl("customer_totals"));
        m.createTable("_dc", "_db", TableTemplate.byId("datagen").ddl("orders_gen"));
        m.createDatabase("_dc", "warehouse");
        m.createTable("_dc", "warehouse", TableTemplate.byId("jdbc").ddl("customer_totals_pg"));
        m.createTable("_dc", "warehouse", TableTemplate.byId("filesystem").ddl("orders_archive"));
        m.createCatalog("lake");
        m.createDatabase("lake", "raw");
        m.createTable("lake", "raw", TableTemplate.byId("print").ddl("debug_out"));
        shell = new ShellHarness(stage, services, Boolean.getBoolean("streamdesk.screenshots.dark"), 1280, 860);
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
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#nav-metadata").tryQuery().isPresent());
        robot.clickOn("#nav-metadata");
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup("#metadataTree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot() != null
                && tree.getRoot().getChildren().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "metadata-tree" + suffix + ".png");

        TreeItem<Object> orders = tree.getRoot().getChildren().get(0).getChildren().get(0).getChildren().get(1);
        robot.interact(() -> tree.getSelectionModel().select(orders));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#tablePage").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "metadata-table" + suffix + ".png");

        robot.clickOn("#newTableButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#tableDdlEditor").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ChoiceBox<TableTemplate> template = robot.lookup("#tableTemplate").queryAs(ChoiceBox.class);
        robot.interact(() -> template.setValue(TableTemplate.byId("jdbc")));
        robot.clickOn("#tableName").write("customer_totals_mysql");
        TextArea ddl = robot.lookup("#tableDdlEditor").queryAs(TextArea.class);
        Button save = robot.lookup("#tableCreate").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !save.isDisabled());
        robot.interact(() -> ddl.setText(ddl.getText().replace("total DECIMAL(10, 2),", "total DECIMAL(10, 2)")));
        @SuppressWarnings("unchecked")
        ListView<Object> problems = robot.lookup("#tableProblems").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !problems.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, ddl.getScene(), "metadata-new-table" + suffix + ".png");
        robot.type(KeyCode.ESCAPE);
    }

    private void snap(FxRobot robot, Scene scene, String name) {
        Path out = Path.of(TARGET).resolve(name);
        Snapshots.write(robot, scene, out);
        assertThat(out).exists();
    }
}
