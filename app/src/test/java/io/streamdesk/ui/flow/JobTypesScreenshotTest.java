package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobType;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.jobtype.EtlSpec;
import io.streamdesk.model.jobtype.JarJobSpec;
import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.metadata.MetadataDatabase;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * Writes docs/screenshots/jar-job*.png, etl-job*.png and new-job-types*.png from the real panes over fakes (a real jar
 * for the entry class check). Opt-in like {@link ScreenshotTest}:
 * {@code -Dstreamdesk.screenshots=docs/screenshots [-Dstreamdesk.screenshots.dark=true]}.
 */
@ExtendWith(ApplicationExtension.class)
class JobTypesScreenshotTest {
    private static final String TARGET = System.getProperty("streamdesk.screenshots");
    private final FakeServices services = new FakeServices();
    private ShellHarness shell;
    private Job jarJob;
    private Job etlJob;

    @BeforeAll
    static void onlyWhenAsked() {
        Assumptions.assumeTrue(TARGET != null && !TARGET.isBlank(), "screenshots not requested");
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("jar-shots");
        Path jar = TestJars.compile(dir.resolve("build"), dir.resolve("orders-enrichment.jar"), Map.of(
                "com.example.orders.EnrichmentJob",
                "package com.example.orders; public class EnrichmentJob { public static void main(String[] a) { } }"));
        DependencyRef v3 = new DependencyRef("orders-enrichment.jar", 3, "9f2c4e1ab37d0c55e8a1f6b2d4c7e9013a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d");
        DependencyRef v2 = new DependencyRef("orders-enrichment.jar", 2, "41be07c9d2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9");
        services.jobs().sqlContexts().withJarFiles(refs -> refs.stream().map(r -> jar).toList());
        services.jarJobs().withJarVersions(() -> List.of(v3, v2));
        MetadataTable orders = new MetadataTable("_dc", "_db", "orders", "CREATE TABLE orders (...)", "kafka", List.of(
                new MetadataColumn("order_id", "BIGINT"), new MetadataColumn("customer", "STRING"),
                new MetadataColumn("amount", "DECIMAL(10, 2)"), new MetadataColumn("order_time", "TIMESTAMP(3)")),
                Instant.now());
        MetadataTable sink = new MetadataTable("_dc", "_db", "orders_by_customer", "CREATE TABLE orders_by_customer (...)",
                "jdbc", List.of(new MetadataColumn("order_id", "BIGINT"), new MetadataColumn("customer_name", "STRING"),
                new MetadataColumn("amount_cents", "BIGINT"), new MetadataColumn("order_day", "DATE"),
                new MetadataColumn("note", "STRING")), Instant.now());
        services.jobs().sqlContexts().withCatalog(() -> new MetadataSnapshot(
                List.of(new MetadataDatabase("_dc", "_db")), List.of(orders, sink)));

        jarJob = services.jobs().createJob("orders-enrichment", "/", JobType.JAR);
        services.jarJobs().save(jarJob.id(), new JarJobSpec(v3, "com.example.orders.EnrichmentJob",
                "--input kafka://orders --window '5 min' --label \"EU orders\"", 4));
        services.jobs().publish(jarJob.id(), "first cut");
        etlJob = services.jobs().createJob("orders-to-warehouse", "/etl", JobType.ETL);
        services.etlJobs().save(etlJob.id(), new EtlSpec(
                new EtlSpec.TableRef("_dc", "_db", "orders"), new EtlSpec.TableRef("_dc", "_db", "orders_by_customer"),
                List.of(new EtlSpec.FieldMapping("order_id", "order_id"),
                        new EtlSpec.FieldMapping("customer_name", "UPPER(customer)"),
                        new EtlSpec.FieldMapping("amount_cents", "CAST(amount * 100 AS BIGINT)"),
                        new EtlSpec.FieldMapping("order_day", "CAST(order_time AS DATE)"),
                        new EtlSpec.FieldMapping("note", "")), "amount > 0"));
        shell = new ShellHarness(stage, services, Boolean.getBoolean("streamdesk.screenshots.dark"), 1280, 820);
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
        TableView<?> jobs = robot.lookup("#jobsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> jobs.getItems().size() == 2);

        robot.clickOn("#newJobButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#newJobTypePython").tryQuery().isPresent());
        robot.clickOn("#newJobTypeJAR");
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, robot.lookup("#newJobTypePython").query().getScene(), "new-job-types" + suffix + ".png");
        robot.clickOn("Cancel");

        robot.interact(() -> shell.view.openJob(jarJob.id()));
        Label message = robot.lookup("#jarMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().contains("ready to publish"));
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "jar-job" + suffix + ".png");

        robot.interact(() -> shell.view.openJob(etlJob.id()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#etlMapping").tryQuery().isPresent()
                && !robot.lookup("#etlMapping").queryAs(TableView.class).getItems().isEmpty());
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        snap(robot, shell.scene, "etl-job" + suffix + ".png");
    }

    private void snap(FxRobot robot, javafx.scene.Scene scene, String name) {
        Path out = Path.of(TARGET).resolve(name);
        Snapshots.write(robot, scene, out);
        assertThat(out).exists();
    }
}
