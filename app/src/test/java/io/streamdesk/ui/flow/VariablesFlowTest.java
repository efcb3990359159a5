package io.streamdesk.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.model.variable.Variable;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.editor.SqlCodeArea;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Variables pane as a user clicks through it (M6): the empty state says what a variable is for; the add dialog
 * names a wrong name and keeps Add disabled; a plain and a secret variable are listed (the secret masked); an edit and
 * a delete; then "Replace variables" on a job page shows the substituted SQL, the secret masked, and an unknown
 * variable at its line and column. Over the real services with in-memory ports. With
 * {@code -Dstreamdesk.screenshots=DIR [-Dstreamdesk.screenshots.dark=true]} it also writes variables-list,
 * variables-edit-dialog and variables-replace PNGs.
 */
@ExtendWith(ApplicationExtension.class)
class VariablesFlowTest {
    private static final String SHOTS = System.getProperty("streamdesk.screenshots");
    private static final boolean DARK = Boolean.getBoolean("streamdesk.screenshots.dark");
    private static final String SQL = """
            CREATE TABLE orders (id BIGINT, amount INT) WITH (
              'connector' = 'datagen',
              'rows-per-second' = '${rate}'
            );
            CREATE TABLE orders_pg (id BIGINT, amount INT) WITH (
              'connector' = 'jdbc',
              'url' = '${pg_url}:jdbc:postgresql://localhost:5432/shop',
              'password' = '${pg_password}'
            );
            INSERT INTO orders_pg SELECT id, amount FROM orders WHERE amount > ${min_amount};
            """;

    private final FakeServices services = new FakeServices();
    private ShellHarness shell;

    @Start
    void start(Stage stage) {
        Job job = services.jobs().createSqlJob("orders-to-postgres", "/");
        services.jobs().saveDraft(job.id(), SQL);
        shell = new ShellHarness(stage, services, DARK, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void addEditDeleteAndPreviewTheSubstitutedSql(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#nav-variables").tryQuery().isPresent());
        robot.clickOn("#nav-variables");
        waitFor(() -> robot.lookup("#variablesTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<Variable> table = robot.lookup("#variablesTable").queryAs(TableView.class);
        waitFor(() -> robot.lookup("#variablesEmpty").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("#variablesEmpty").queryAs(Label.class).getText()).contains("${name}")
                .contains("keeps the values it was published with");
        if (SHOTS != null) {
            snap(robot, shell.scene, "variables-empty" + (DARK ? "-dark" : "") + ".png");
        }

        // a wrong name is named, Add stays disabled
        robot.clickOn("#addVariableButton");
        waitFor(() -> robot.lookup("#variableName").tryQuery().isPresent());
        Button add = robot.lookup("#variableSave").queryAs(Button.class);
        Label problem = robot.lookup("#variableProblem").queryAs(Label.class);
        assertThat(add.isDisabled()).isTrue();
        assertThat(problem.getText()).isEqualTo("A variable needs a name.");
        robot.clickOn("#variableName").write("rate-per-second");
        robot.clickOn("#variableValue").write("500");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problem.getText()).contains("letters, digits and '_'").contains("'rate-per-second'");
        assertThat(add.isDisabled()).isTrue();
        TextField name = robot.lookup("#variableName").queryAs(TextField.class);
        robot.interact(() -> name.setText("rate"));
        robot.clickOn("#variableDescription").write("rows per second of the generator");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problem.getText()).isEmpty();
        assertThat(add.isDisabled()).isFalse();
        robot.clickOn(add);
        waitFor(() -> table.getItems().size() == 1);
        assertThat(robot.lookup("#variablesMessage").queryAs(Label.class).getText()).isEqualTo("Added rate.");

        // a secret: typed into a password field, listed masked, kept in the secret store
        robot.clickOn("#addVariableButton");
        waitFor(() -> robot.lookup("#variableName").tryQuery().isPresent());
        robot.clickOn("#variableName").write("pg_password");
        robot.clickOn("#variableSecret");
        waitFor(() -> robot.lookup("#variableSecretValue").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#variableSecretValue").write("Pg-s3cret!");
        robot.clickOn("#variableSave");
        waitFor(() -> table.getItems().size() == 2);
        Variable pw = table.getItems().stream().filter(v -> v.name().equals("pg_password")).findFirst().orElseThrow();
        assertThat(pw.shownValue()).isEqualTo("••••••");
        assertThat(services.secretStore.get(pw.secretId())).contains("Pg-s3cret!");
        services.variables().add("min_amount", "10", false, "orders below are ignored");
        services.variables().add("kafka_servers", "broker-1.internal:9092,broker-2.internal:9092", false,
                "bootstrap servers of the shared Kafka");
        robot.clickOn("#refreshVariablesButton");
        waitFor(() -> table.getItems().size() == 4);
        if (SHOTS != null) {
            snap(robot, shell.scene, "variables-list" + (DARK ? "-dark" : "") + ".png");
        }

        // edit: the name is fixed, the value changes
        robot.interact(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(v -> v.name().equals("rate")).findFirst().orElseThrow()));
        robot.clickOn("#editVariableButton");
        waitFor(() -> robot.lookup("#variableName").tryQuery().isPresent());
        assertThat(robot.lookup("#variableName").queryAs(TextField.class).isDisabled()).isTrue();
        TextField value = robot.lookup("#variableValue").queryAs(TextField.class);
        assertThat(value.getText()).isEqualTo("500");
        robot.interact(() -> value.setText("1000"));
        if (SHOTS != null) {
            WaitForAsyncUtils.waitForFxEvents();
            snap(robot, value.getScene(), "variables-edit-dialog" + (DARK ? "-dark" : "") + ".png");
        }
        robot.clickOn("#variableSave");
        waitFor(() -> services.variables().find("rate").map(v -> v.value().equals("1000")).orElse(false));
        waitFor(() -> robot.lookup("#variablesMessage").queryAs(Label.class).getText().equals("Saved rate."));

        // delete, confirmed
        robot.interact(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(v -> v.name().equals("kafka_servers")).findFirst().orElseThrow()));
        robot.clickOn("#deleteVariableButton");
        waitFor(() -> robot.lookup("#deleteVariableConfirm").tryQuery().isPresent());
        DialogPane confirm = robot.lookup("#deleteVariableConfirm").queryAs(DialogPane.class);
        robot.clickOn(confirm.lookupButton(ButtonType.OK));
        waitFor(() -> table.getItems().size() == 3);
        assertThat(services.variables().find("kafka_servers")).isEmpty();

        // Replace variables on the job page: the SQL as it would run, the secret masked, what is missing named
        robot.clickOn("#nav-jobs");
        waitFor(() -> robot.lookup("orders-to-postgres").tryQuery().isPresent());
        robot.doubleClickOn("orders-to-postgres");
        waitFor(() -> robot.lookup("#sqlEditor").tryQuery().map(n -> !((SqlCodeArea) n).getText().isEmpty()).orElse(false));
        robot.clickOn("#replaceVariablesButton");
        waitFor(() -> robot.lookup("#replaceVariablesSql").tryQuery()
                .map(n -> !((TextArea) n).getText().isEmpty()).orElse(false));
        String shown = robot.lookup("#replaceVariablesSql").queryAs(TextArea.class).getText();
        assertThat(shown).contains("'rows-per-second' = '1000'").contains("'password' = '••••••'")
                .contains("amount > 10;").contains("'url' = 'jdbc:postgresql://localhost:5432/shop'")
                .doesNotContain("Pg-s3cret!").doesNotContain("${secret:");
        assertThat(robot.lookup("#replaceVariablesSql").queryAs(TextArea.class).isEditable()).isFalse();
        assertThat(robot.lookup("#replaceVariablesProblems").queryAs(TextArea.class).getText()).isEmpty();
        assertThat(robot.lookup("#replaceVariablesSummary").queryAs(Label.class).getText())
                .contains("min_amount, pg_password, pg_url, rate");
        if (SHOTS != null) {
            snap(robot, robot.lookup("#replaceVariablesSql").query().getScene(),
                    "variables-replace" + (DARK ? "-dark" : "") + ".png");
        }
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        // with a variable deleted, the preview names it at its line and column
        services.variables().delete("min_amount");
        robot.clickOn("#replaceVariablesButton");
        waitFor(() -> robot.lookup("#replaceVariablesProblems").tryQuery()
                .map(n -> !((TextArea) n).getText().isEmpty()).orElse(false));
        assertThat(robot.lookup("#replaceVariablesProblems").queryAs(TextArea.class).getText())
                .startsWith("10:" + (SQL.lines().toList().get(9).indexOf("${") + 1) + ": Unknown variable 'min_amount'");
        assertThat(robot.lookup("#replaceVariablesSummary").queryAs(Label.class).getText()).contains("1 problem");
        robot.type(KeyCode.ESCAPE);
    }

    private static void snap(FxRobot robot, Scene scene, String name) {
        Path out = Path.of(SHOTS).resolve(name);
        Snapshots.write(robot, scene, out);
        assertThat(out).exists();
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
