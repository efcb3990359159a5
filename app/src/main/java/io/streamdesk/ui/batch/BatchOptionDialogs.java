package io.streamdesk.ui.batch;

import io.streamdesk.model.LogLevel;
import io.streamdesk.service.RestoreChoice;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The small questions before a batch: how to start, whether to take a savepoint, which log level. */
public final class BatchOptionDialogs {

    private BatchOptionDialogs() {
    }

    /** Run: each job's newest version, fresh or from its latest checkpoint or savepoint. */
    public static Optional<RestoreChoice> askRun(Window owner, int jobs) {
        RadioButton fresh = new RadioButton("Fresh (no state)");
        fresh.setId("batchRunFresh");
        RadioButton latest = new RadioButton("From each job's latest checkpoint or savepoint (a job without one fails)");
        latest.setId("batchRunLatest");
        ToggleGroup group = new ToggleGroup();
        fresh.setToggleGroup(group);
        latest.setToggleGroup(group);
        fresh.setSelected(true);
        Label hint = muted("Each job runs its newest published version; jobs that already run are reported, not restarted.");
        Dialog<RestoreChoice> d = dialog(owner, "Run " + count(jobs), "Run " + count(jobs), "Run", "batchRunOk",
                new VBox(8, fresh, latest, hint));
        d.setResultConverter(b -> b == ButtonType.OK ? (latest.isSelected() ? RestoreChoice.latest() : RestoreChoice.fresh()) : null);
        return d.showAndWait();
    }

    /** Stop: with a savepoint first (the default) or not. */
    public static Optional<Boolean> askStop(Window owner, int jobs) {
        CheckBox savepoint = new CheckBox("Take a savepoint first");
        savepoint.setId("batchStopWithSavepoint");
        savepoint.setSelected(true);
        Label hint = muted("Without a savepoint the jobs' state is lost; their next run starts fresh.");
        Dialog<Boolean> d = dialog(owner, "Stop " + count(jobs), "Stop " + count(jobs), "Stop", "batchStopOk",
                new VBox(8, savepoint, hint));
        d.setResultConverter(b -> b == ButtonType.OK ? savepoint.isSelected() : null);
        return d.showAndWait();
    }

    /** Change log level (P6). */
    public static Optional<LogLevel> askLogLevel(Window owner, int jobs) {
        ChoiceBox<LogLevel> level = new ChoiceBox<>();
        level.getItems().setAll(LogLevel.values());
        level.setValue(LogLevel.INFO);
        level.setId("batchLogLevel");
        Label hint = muted("The level is stored in each job's draft and frozen into its next version. On a shared cluster"
                + " (a session cluster, such as the embedded one) all jobs share one JVM, so a per-job level does not apply there; the result says so.");
        Dialog<LogLevel> d = dialog(owner, "Change log level", "Log level for " + count(jobs), "Apply", "batchLogLevelOk",
                new VBox(8, level, hint));
        d.setResultConverter(b -> b == ButtonType.OK ? level.getValue() : null);
        return d.showAndWait();
    }

    private static <T> Dialog<T> dialog(Window owner, String title, String header, String okText, String okId, VBox content) {
        Dialog<T> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(header);
        content.setPadding(new Insets(10));
        content.setPrefWidth(420);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId(okId);
        ok.setText(okText);
        return d;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    static String count(int jobs) {
        return jobs == 1 ? "1 job" : jobs + " jobs";
    }
}
