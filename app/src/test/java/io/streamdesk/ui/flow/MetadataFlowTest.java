package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.metadata.OptionRow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Metadata pane as a user clicks through it (M1, M4, M7): the tree with the default catalog and database, New
 * table from the Kafka template with a mistake marked at its line and column before Save, the table's page with its
 * columns and options, an option changed and saved, the connector's row not editable, and the table dropped. Over
 * the real services (in-memory catalog store) and Flink's real parser.
 */
@ExtendWith(ApplicationExtension.class)
class MetadataFlowTest {
    private final FakeServices services = new FakeServices(Path.of(System.getProperty("java.io.tmpdir")));
    private ShellHarness shell;

    @Start
    void start(Stage stage) {
        shell = new ShellHarness(stage, services, false, 1280, 860);
    }

    @AfterEach
    void tearDown() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void createATableFromATemplateFixItsDdlEditAnOptionAndDropIt(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#nav-metadata").tryQuery().isPresent());
        robot.clickOn("#nav-metadata");
        waitFor(() -> robot.lookup("#metadataTree").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup("#metadataTree").queryAs(TreeView.class);
        waitFor(() -> tree.getRoot() != null && !tree.getRoot().getChildren().isEmpty());
        TreeItem<Object> dc = tree.getRoot().getChildren().get(0);
        assertThat(dc.getValue().toString()).isEqualTo("_dc");
        assertThat(dc.getChildren().get(0).getValue().toString()).isEqualTo("_db");
        assertThat(robot.lookup("#hiveNote").queryAs(Label.class).getText()).startsWith("Hive catalogs: not available");

        robot.clickOn("#newTableButton");
        waitFor(() -> robot.lookup("#tableDdlEditor").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ChoiceBox<io.streamdesk.model.metadata.TableTemplate> template =
                robot.lookup("#tableTemplate").queryAs(ChoiceBox.class);
        robot.interact(() -> template.setValue(io.streamdesk.model.metadata.TableTemplate.byId("kafka")));
        robot.clickOn("#tableName").write("orders_in");
        TextArea ddl = robot.lookup("#tableDdlEditor").queryAs(TextArea.class);
        Button save = robot.lookup("#tableCreate").queryAs(Button.class);
        waitFor(() -> ddl.getText().startsWith("CREATE TABLE orders_in (") && !save.isDisabled());

        // a typo in a type: marked at its line and column, Save disabled
        robot.interact(() -> ddl.setText(ddl.getText().replace("customer_id INT,", "customer_id INTT,")));
        @SuppressWarnings("unchecked")
        ListView<SqlProblem> problems = robot.lookup("#tableProblems").queryAs(ListView.class);
        waitFor(() -> !problems.getItems().isEmpty());
        SqlProblem p = problems.getItems().get(0);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(15);
        assertThat(save.isDisabled()).isTrue();
        robot.interact(() -> problems.getSelectionModel().select(0));
        assertThat(ddl.getCaretPosition()).isEqualTo(ddl.getText().indexOf("INTT"));

        robot.interact(() -> ddl.setText(ddl.getText().replace("INTT", "INT")));
        waitFor(() -> problems.getItems().isEmpty() && !save.isDisabled());
        assertThat(robot.lookup("#tableCheckStatus").queryAs(Label.class).getText())
                .startsWith("Flink accepts this table: 4 column(s), connector 'kafka'");
        robot.clickOn(save);
        waitFor(() -> robot.lookup("#tablePageTitle").tryQuery().map(n -> ((Label) n).getText())
                .filter("_dc._db.orders_in"::equals).isPresent());
        assertThat(services.metadata().table("_dc", "_db", "orders_in")).isPresent();
        // its page draws the table's lineage (M5): no version uses the new table yet, and the graph says so
        waitFor(() -> robot.lookup("#tableLineage #lineageMessage").tryQuery()
                .map(n -> ((Label) n).getText()).filter(t -> t.contains("_dc._db.orders_in")).isPresent());
        assertThat(robot.lookup("#tableLineage #lineageMessage").queryAs(Label.class).getText())
                .isEqualTo("No published version reads or writes _dc._db.orders_in.");

        // the table's page: columns, watermark, connector, options
        @SuppressWarnings("unchecked")
        TableView<Object> columns = robot.lookup("#tableColumns").queryAs(TableView.class);
        assertThat(columns.getItems()).hasSize(4);
        assertThat(robot.lookup("#tableConnector").queryAs(Label.class).getText()).isEqualTo("kafka");
        assertThat(robot.lookup("#tableWatermark").queryAs(Label.class).getText()).startsWith("order_time:");
        @SuppressWarnings("unchecked")
        TableView<OptionRow> options = robot.lookup("#tableOptions").queryAs(TableView.class);
        assertThat(options.getItems().get(0).keyProperty().get()).isEqualTo("connector");
        assertThat(options.getItems().get(0).fixed()).isTrue();
        // double-clicking the connector's value does not start an edit (M4)
        robot.interact(() -> options.edit(0, options.getColumns().get(1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(options.getEditingCell()).isNull();
        assertThat(robot.lookup("#tableOptions .text-field").tryQuery()).isEmpty();

        OptionRow topic = options.getItems().stream().filter(r -> r.keyProperty().get().equals("topic")).findFirst()
                .orElseThrow();
        robot.interact(() -> topic.valueProperty().set("orders-v2"));
        robot.clickOn("#tableSave");
        waitFor(() -> robot.lookup("#metadataMessage").queryAs(Label.class).getText()
                .equals("Saved the options of _dc._db.orders_in."));
        MetadataTable saved = services.metadata().table("_dc", "_db", "orders_in").orElseThrow();
        assertThat(saved.ddl()).contains("'topic' = 'orders-v2'");

        robot.clickOn("#tableDrop");
        waitFor(() -> robot.lookup("#tableDropConfirm").tryQuery().isPresent());
        robot.clickOn("#tableDropConfirm");
        waitFor(() -> robot.lookup("#metadataMessage").queryAs(Label.class).getText()
                .equals("Dropped table _dc._db.orders_in."));
        assertThat(services.metadata().table("_dc", "_db", "orders_in")).isEmpty();
        waitFor(() -> robot.lookup("#tablePage").tryQuery().isEmpty());
    }

    @Test
    void createADatabaseAndANameThatIsNotAllowedIsNamed(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#nav-metadata").tryQuery().isPresent());
        robot.clickOn("#nav-metadata");
        waitFor(() -> robot.lookup("#newDatabaseButton").tryQuery().isPresent());
        robot.clickOn("#newDatabaseButton");
        waitFor(() -> robot.lookup("#databaseName").tryQuery().isPresent());
        robot.clickOn("#databaseName").write("9lives");
        robot.clickOn("#databaseCreate");
        waitFor(() -> robot.lookup("#databaseProblem").queryAs(Label.class).getText().contains("not starting with a digit"));
        robot.interact(() -> robot.lookup("#databaseName").queryAs(javafx.scene.control.TextField.class).setText("shop"));
        robot.clickOn("#databaseCreate");
        waitFor(() -> robot.lookup("#databaseName").tryQuery().isEmpty());
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup("#metadataTree").queryAs(TreeView.class);
        waitFor(() -> tree.getRoot().getChildren().get(0).getChildren().stream()
                .anyMatch(d -> d.getValue().toString().equals("shop")));
        assertThat(services.metadata().tree().catalogs().get(0).databases()).hasSize(2);
    }

    @Test
    void aVersionIsMarkedInTheVersionListWhenACatalogTableItUsesChanges(FxRobot robot) throws Exception {
        services.lineageExtractor.use(new io.streamdesk.flink.sql.FlinkLineageExtractor()); // Flink's parser reads the tables
        services.metadata().createTable("_dc", "_db", io.streamdesk.model.metadata.TableTemplate.byId("datagen")
                .ddl("orders"));
        services.metadata().createTable("_dc", "_db", io.streamdesk.model.metadata.TableTemplate.byId("blackhole")
                .ddl("totals"));
        var job = services.jobs().createSqlJob("orders", "/");
        services.jobs().saveDraft(job.id(), "INSERT INTO _dc._db.totals SELECT customer_id, amount FROM _dc._db.orders;");
        services.jobs().publish(job.id(), "reads the catalog");
        services.jobs().saveDraft(job.id(), "INSERT INTO _dc._db.totals SELECT customer_id, amount * 2 FROM _dc._db.orders;");
        Thread.sleep(5); // the table changes strictly after v1 was published
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("connector", "datagen");
        options.put("rows-per-second", "99");
        services.metadata().updateOptions("_dc", "_db", "orders", options);
        Thread.sleep(5);
        services.jobs().publish(job.id(), "after the change");
        var lineage = services.lineage().forJob(job.id());
        assertThat(services.metadata().changeMarks(lineage, services.jobs().versions(job.id())))
                .extracting(m -> m.version() + " " + m.table()).containsExactly("1 _dc._db.orders");

        TableView<?> jobs = robot.lookup("#jobsTable").queryAs(TableView.class);
        waitFor(() -> jobs.getItems().size() == 1);
        robot.doubleClickOn("orders");
        waitFor(() -> robot.lookup("#versionsTable").tryQuery().isPresent());
        robot.clickOn("Versions");
        TableView<?> versions = robot.lookup("#versionsTable").queryAs(TableView.class);
        waitFor(() -> versions.getItems().size() == 2);
        // v1 (published before the change) is marked, v2 is not
        waitFor(() -> robot.lookup(".table-changed").tryQuery().isPresent());
        assertThat(robot.lookup(".table-changed").queryAll()).hasSize(1);
        javafx.scene.control.TableCell<?, ?> marked = robot.lookup(".table-changed").queryAs(javafx.scene.control.TableCell.class);
        assertThat(marked.getText()).isEqualTo("\u26a0 reads the catalog");
        assertThat(marked.getTooltip().getText()).contains("_dc._db.orders changed after v1 was published");
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
