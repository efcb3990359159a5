package io.streamdesk.ui.job;

import io.streamdesk.model.JobVersion;
import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.ui.jobconfig.RestorePointLabel;
import io.streamdesk.service.RestoreChoice;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Run (Ctrl+R / F5): which version (newest by default) and how to start (J5, V4). */
final class RunDialog {

    /** What the user chose. */
    record Choice(int version, RestoreChoice restore) {
    }

    private final Dialog<Choice> dialog = new Dialog<>();

    RunDialog(JobPageViewModel.RunOptions options, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle("Run job");
        dialog.setHeaderText("Run a version on the local cluster");
        ComboBox<JobVersion> version = new ComboBox<>();
        version.setId("runVersion");
        version.getItems().setAll(options.versions());
        version.setCellFactory(l -> new VersionCell());
        version.setButtonCell(new VersionCell());
        if (!options.versions().isEmpty()) {
            version.getSelectionModel().select(0); // versions come newest first
        }

        ToggleGroup start = new ToggleGroup();
        RadioButton fresh = radio("Fresh (no state)", "runFresh", start);
        RadioButton latest = radio(options.latest().map(p -> "Latest: " + RestorePointLabel.of(p))
                .orElse("Latest checkpoint or savepoint (none yet)"), "runLatest", start);
        latest.setDisable(options.latest().isEmpty());
        RadioButton chosen = radio("A chosen checkpoint or savepoint", "runChosen", start);
        chosen.setDisable(options.savepoints().isEmpty());
        ComboBox<String> path = new ComboBox<>();
        path.setId("runSavepointPath");
        path.getItems().setAll(options.savepoints().stream().map(CheckpointRecord::location).toList());
        path.disableProperty().bind(chosen.selectedProperty().not());
        if (!path.getItems().isEmpty()) {
            path.getSelectionModel().select(0);
        }
        fresh.setSelected(true);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        // the long savepoint paths squeeze the label column unless it keeps its preferred width
        grid.getColumnConstraints().addAll(new ColumnConstraints(Region.USE_PREF_SIZE, Region.USE_COMPUTED_SIZE,
                Region.USE_PREF_SIZE), new ColumnConstraints());
        grid.addRow(0, new Label("Version"), version);
        Label startLabel = new Label("Start");
        GridPane.setValignment(startLabel, javafx.geometry.VPos.TOP);
        grid.add(startLabel, 0, 1);
        grid.add(new VBox(6, fresh, latest, chosen, path), 1, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("runOkButton");
        ok.setText("Run");
        ok.disableProperty().bind(version.valueProperty().isNull()
                .or(chosen.selectedProperty().and(path.valueProperty().isNull())));
        dialog.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            RestoreChoice restore = latest.isSelected() ? RestoreChoice.latest()
                    : chosen.isSelected() ? RestoreChoice.path(path.getValue()) : RestoreChoice.fresh();
            return new Choice(version.getValue().number(), restore);
        });
    }

    Optional<Choice> showAndWait() {
        return dialog.showAndWait();
    }

    private static RadioButton radio(String text, String id, ToggleGroup group) {
        RadioButton r = new RadioButton(text);
        r.setId(id);
        r.setToggleGroup(group);
        return r;
    }

    private static final class VersionCell extends ListCell<JobVersion> {
        @Override
        protected void updateItem(JobVersion v, boolean empty) {
            super.updateItem(v, empty);
            setText(empty || v == null ? null : "v" + v.number() + " — " + v.description());
        }
    }
}
