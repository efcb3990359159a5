package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.flink.sql.FlinkLineageExtractor;
import io.streamdesk.model.Job;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.lineage.LineageGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurve;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The job page's Lineage tab (M5) over the real service and Flink's parser: three published versions (v3 drops the
 * table v1 and v2 read) show as boxes for the tables and versions, the dropped table marked, and a click on a version
 * opens that version read-only.
 */
@ExtendWith(ApplicationExtension.class)
class LineageTabFlowTest {
    @TempDir
    static Path dir;
    private static FakeServices services;
    private static Job job;
    private ShellHarness shell;

    static final String DDL = """
            CREATE TABLE clicks (user_id INT, url STRING) WITH ('connector' = 'datagen');
            CREATE TABLE users (user_id INT, name STRING) WITH ('connector' = 'datagen');
            CREATE TABLE enriched (user_id INT, name STRING, url STRING) WITH ('connector' = 'blackhole');
            CREATE TABLE per_user (user_id INT, name STRING, url STRING) WITH ('connector' = 'print');
            """;

    /** Publishes three versions: v1 and v2 read clicks, v3 reads users only. */
    static Job publishThreeVersions(FakeServices services, String name) {
        Job job = services.jobs().createSqlJob(name, "/");
        String[] scripts = {
                DDL + "INSERT INTO enriched SELECT user_id, 'n', url FROM clicks;",
                DDL + "INSERT INTO enriched SELECT c.user_id, u.name, c.url FROM clicks c JOIN users u"
                        + " ON c.user_id = u.user_id;",
                DDL + "EXECUTE STATEMENT SET BEGIN\n INSERT INTO enriched SELECT user_id, name, 'x' FROM users;\n"
                        + " INSERT INTO per_user SELECT user_id, name, 'y' FROM users;\nEND;"};
        for (int i = 0; i < scripts.length; i++) {
            services.jobs().saveDraft(job.id(), scripts[i]);
            services.jobs().publish(job.id(), "version " + (i + 1));
        }
        return job;
    }

    /** Off the FX thread: the first parse loads Flink's planner. */
    @BeforeAll
    static void publish() {
        services = new FakeServices(dir);
        services.lineageExtractor.use(new FlinkLineageExtractor());
        job = publishThreeVersions(services, "clicks-enrichment");
    }

    @Start
    void start(Stage stage) {
        shell = new ShellHarness(stage, services, false, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void theLineageTabDrawsTheTablesAndVersionsAndOpensAClickedVersion(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#jobsTable").tryQuery().isPresent());
        robot.interact(() -> shell.view.openJob(job.id())); // as a double click in the job list does
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#jobTabs").tryQuery().isPresent());
        TabPane jobTabs = robot.lookup("#jobTabs").queryAs(TabPane.class);
        Tab lineageTab = jobTabs.getTabs().stream().filter(t -> "jobLineageTab".equals(t.getId())).findFirst()
                .orElseThrow();
        assertThat(lineageTab.getText()).isEqualTo("Lineage");
        robot.interact(() -> jobTabs.getSelectionModel().select(lineageTab));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".lineage-node").queryAll().size() == 7);

        Set<String> titles = robot.lookup(".lineage-node-title").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(Collectors.toSet());
        assertThat(titles).containsExactlyInAnyOrder("clicks", "users", "v1", "v2", "v3", "enriched", "per_user");
        Region clicks = node(robot, "clicks");
        assertThat(clicks.getStyleClass()).contains("lineage-table", "lineage-dropped");
        assertThat(node(robot, "users").getStyleClass()).doesNotContain("lineage-dropped");
        // sources left of the versions, sinks right of them
        assertThat(clicks.getLayoutX()).isLessThan(node(robot, "v1").getLayoutX());
        assertThat(node(robot, "per_user").getLayoutX()).isGreaterThan(node(robot, "v3").getLayoutX());
        assertThat(robot.lookup(".lineage-edge").queryAll()).filteredOn(n -> n instanceof CubicCurve).hasSize(8);
        assertThat(robot.lookup(".lineage-arrow").queryAll()).hasSize(8);
        @SuppressWarnings("unchecked")
        ListView<String> usages = robot.lookup("#lineageUsages").queryAs(ListView.class);
        assertThat(usages.getItems()).contains("clicks: read by v1\u2013v2, not by v3", "users: read by v2\u2013v3, not by v1",
                "enriched: written by v1\u2013v3");

        robot.clickOn(node(robot, "v2"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                "v2 (read-only)".equals(jobTabs.getSelectionModel().getSelectedItem().getText()));
    }

    private static Region node(FxRobot robot, String title) {
        List<Node> all = List.copyOf(robot.lookup(".lineage-node").queryAll());
        return (Region) all.stream().filter(n -> title.equals(
                        ((LineageGraph.Node) n.getProperties().get(LineageGraph.Node.class)).title()))
                .findFirst().orElseThrow(() -> new AssertionError("no node " + title));
    }
}
