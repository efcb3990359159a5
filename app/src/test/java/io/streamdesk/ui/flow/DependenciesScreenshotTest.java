package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.dependency.Dependency;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.dependency.DependencyVersion;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
 * Writes docs/screenshots/dependencies-*.png (issue 12) from the real pane in the real window over the real services
 * with in-memory ports and real files: the list with a JAR's page (its versions and the job versions that use it), a
 * configuration file's content, and a refused removal. Opt-in like {@link ScreenshotTest}:
 * {@code mvn -o -q test -Dtest=DependenciesScreenshotTest -Dstreamdesk.screenshots=docs/screenshots [-Dstreamdesk.screenshots.dark=true]}.
 */
@ExtendWith(ApplicationExtension.class)
class DependenciesScreenshotTest {
    private static final String TARGET = System.getProperty("streamdesk.screenshots");
    private Path dir;
    private FakeServices services;
    private ShellHarness shell;

    @BeforeAll
    static void onlyWhenAsked() {
        Assumptions.assumeTrue(TARGET != null && !TARGET.isBlank(), "screenshots not requested");
    }

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("streamdesk-deps-shots");
        services = new FakeServices(dir);
        Path up = dir.resolve("uploads");
        var deps = services.dependencies();
        deps.add(TestJars.jar(up, "flink-sql-connector-kafka-5.0.0-2.2.jar", "kafka 1"), "Kafka connector for Flink 2.x");
        deps.add(TestJars.jar(up, "flink-sql-connector-kafka-5.0.0-2.2.jar", "kafka 2"), "rebuilt with the shaded client");
        deps.add(TestJars.jar(up, "flink-sql-connector-kafka-5.0.0-2.2.jar", "kafka 3"), "adds the SASL login module");
        deps.add(TestJars.jar(up, "flink-connector-jdbc-4.0.0-2.0.jar", "jdbc"), "JDBC sink");
        deps.add(TestJars.jar(up, "postgresql-42.7.4.jar", "pg"), "PostgreSQL driver");
        deps.add(TestJars.jar(up, "orders-udfs.jar", "udf"), "currency conversion UDFs");
        deps.add(TestJars.text(up, "kafka-client.properties", """
                # shared by the Kafka jobs of the orders team
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                ssl.endpoint.identification.algorithm=https
                request.timeout.ms=30000
                """), "SASL over TLS");

        Job orders = services.jobs().createSqlJob("orders-enrichment", "/orders");
        services.jobs().saveDraft(orders.id(), "INSERT INTO sink SELECT * FROM src;");
        deps.useInDraft(orders.id(), List.of(DependencyRef.parse("flink-sql-connector-kafka-5.0.0-2.2.jar@2"),
                DependencyRef.parse("kafka-client.properties@1")));
        services.jobs().publish(orders.id(), "first");
        deps.useInDraft(orders.id(), List.of(DependencyRef.parse("flink-sql-connector-kafka-5.0.0-2.2.jar@3"),
                DependencyRef.parse("kafka-client.properties@1")));
        Job sink = services.jobs().createSqlJob("payments-to-postgres", "/finance");
        services.jobs().saveDraft(sink.id(), "INSERT INTO pg SELECT * FROM src;");
        deps.useInDraft(sink.id(), List.of(DependencyRef.parse("flink-sql-connector-kafka-5.0.0-2.2.jar@2"),
                DependencyRef.parse("flink-connector-jdbc-4.0.0-2.0.jar@1"), DependencyRef.parse("postgresql-42.7.4.jar@1")));
        services.jobs().publish(sink.id(), "first");
        shell = new ShellHarness(stage, services, Boolean.getBoolean("streamdesk.screenshots.dark"), 1280, 800);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (shell != null) {
            shell.close();
        }
        try (var all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                p.toFile().setWritable(true);
                p.toFile().delete();
            });
        }
    }

    @Test
    void takeScreenshots(FxRobot robot) throws Exception {
        String suffix = Boolean.getBoolean("streamdesk.screenshots.dark") ? "-dark" : "";
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#nav-dependencies").tryQuery().isPresent());
        robot.clickOn("#nav-dependencies");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dependenciesTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<Dependency> table = robot.lookup("#dependenciesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
        int kafka = indexOf(table, "flink-sql-connector-kafka-5.0.0-2.2.jar");
        robot.interact(() -> table.getSelectionModel().select(kafka));
        @SuppressWarnings("unchecked")
        TableView<DependencyVersion> versions = robot.lookup("#dependencyVersionsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> versions.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "dependencies-list" + suffix + ".png");

        robot.interact(() -> versions.getSelectionModel().select(1)); // @2: used by two published versions
        robot.clickOn("#removeDependencyVersion");
        WaitForAsyncUtils.waitForFxEvents();
        robot.lookup(".dialog-pane .button").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.Button b && b.isDefaultButton()).findFirst()
                .ifPresent(robot::clickOn);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dependencyError").queryAs(Label.class)
                .getText().contains("cannot be removed"));
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "dependencies-remove-refused" + suffix + ".png");

        int props = indexOf(table, "kafka-client.properties");
        robot.interact(() -> table.getSelectionModel().select(props));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> versions.getItems().size() == 1
                && versions.getItems().get(0).name().equals("kafka-client.properties"));
        robot.interact(() -> versions.getSelectionModel().select(0));
        robot.clickOn("#viewDependencyContent");
        TextArea content = robot.lookup("#dependencyContent").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> content.getText().contains("SASL_SSL"));
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "dependencies-config-file" + suffix + ".png");

        // the job page's Configuration tab: the draft's dependency versions with their short hashes
        robot.clickOn("#nav-jobs");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("payments-to-postgres").tryQuery().isPresent());
        robot.doubleClickOn("payments-to-postgres");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Configuration").tryQuery().isPresent());
        robot.clickOn("Configuration");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<DependencyRef> chosen = robot.lookup("#draftDependencyList")
                .queryAs(javafx.scene.control.ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chosen.getItems().size() == 3);
        javafx.scene.Node section = robot.lookup("#draftDependencies").query();
        robot.interact(() -> {
            javafx.scene.Node n = section;
            while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) {
                n = n.getParent();
            }
            if (n instanceof javafx.scene.control.ScrollPane sp) {
                sp.setVvalue(sp.getVmax());
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "dependencies-job-config" + suffix + ".png");
    }

    private static int indexOf(TableView<Dependency> table, String name) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not listed");
    }

    private void snap(FxRobot robot, Scene scene, String name) {
        Path out = Path.of(TARGET).resolve(name);
        Snapshots.write(robot, scene, out);
        assertThat(out).exists();
    }
}
