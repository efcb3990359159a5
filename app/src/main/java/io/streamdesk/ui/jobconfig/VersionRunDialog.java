package io.streamdesk.ui.jobconfig;

import io.streamdesk.model.JobVersion;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.jobconfig.VersionRunService.StopFirst;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.Window;

/**
 * The Run dialog with its checks (J5, V4, P5, state compatibility): a thin view of {@link VersionRunViewModel}.
 * "Run" stays disabled while the check runs, when the CUs do not fit, and when state would be dropped without the
 * user allowing it.
 */
public final class VersionRunDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final VersionRunViewModel vm;

    public VersionRunDialog(VersionRunViewModel vm, Window owner) {
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.setTitle("Run job");
        dialog.headerTextProperty().bind(vm.headerProperty());
        dialog.setResizable(true);
        dialog.getDialogPane().getStylesheets().add(VersionRunDialog.class.getResource("/css/jobconfig.css").toExternalForm());

        ComboBox<JobVersion> version = new ComboBox<>(vm.versions());
        version.setId("runVersion");
        version.setCellFactory(l -> new VersionCell());
        version.setButtonCell(new VersionCell());
        version.valueProperty().bindBidirectional(vm.versionProperty());

        ToggleGroup start = new ToggleGroup();
        RadioButton fresh = radio("Fresh (no state)", "runFresh", start);
        RadioButton latest = radio("Latest checkpoint or savepoint", "runLatest", start);
        latest.textProperty().bind(vm.latestChoiceTextProperty());
        latest.disableProperty().bind(vm.latestSavepointProperty().isEmpty().and(vm.runningVersionProperty().isNull()));
        RadioButton chosen = radio("A chosen checkpoint or savepoint", "runChosen", start);
        chosen.disableProperty().bind(Bindings.isEmpty(vm.savepointPaths()));
        ComboBox<String> path = new ComboBox<>(vm.savepointPaths());
        path.setId("runSavepointPath");
        path.setMaxWidth(Double.MAX_VALUE);
        path.setCellFactory(l -> new RestorePointCell());
        path.setButtonCell(new RestorePointCell());
        path.valueProperty().bindBidirectional(vm.chosenPathProperty());
        path.disableProperty().bind(chosen.selectedProperty().not());
        fresh.setSelected(true);
        start.selectedToggleProperty().addListener((o, a, t) -> vm.startProperty().set(
                t == latest ? RestoreChoice.Kind.LATEST : t == chosen ? RestoreChoice.Kind.PATH : RestoreChoice.Kind.FRESH));

        // J5: a running version is stopped first, as the user chooses
        ToggleGroup stop = new ToggleGroup();
        RadioButton stopWithSavepoint = radio("Stop it with a savepoint, then start", "stopWithSavepoint", stop);
        RadioButton stopWithout = radio("Stop it without a savepoint, then start", "stopWithoutSavepoint", stop);
        stopWithSavepoint.setSelected(true);
        stop.selectedToggleProperty().addListener((o, a, t) -> vm.stopFirstProperty().set(
                t == stopWithout ? StopFirst.WITHOUT_SAVEPOINT : StopFirst.WITH_SAVEPOINT));
        Label runningLabel = new Label();
        runningLabel.textProperty().bind(Bindings.concat("Version ", vm.runningVersionProperty().asString(),
                " of this job is running:"));
        VBox running = new VBox(6, runningLabel, stopWithSavepoint, stopWithout);
        running.setId("runningVersionBox");
        running.visibleProperty().bind(vm.runningVersionProperty().isNotNull());
        running.managedProperty().bind(running.visibleProperty());

        Label resources = new Label();
        resources.setId("runResources");
        resources.setWrapText(true);
        resources.setMinHeight(Region.USE_PREF_SIZE);
        resources.textProperty().bind(vm.resourcesTextProperty());
        vm.resourcesFitProperty().addListener((o, a, fits) -> toggle(resources, "capacity-exceeded", !fits));

        Label state = new Label();
        state.setId("runStateSummary");
        state.setWrapText(true);
        state.setMinHeight(Region.USE_PREF_SIZE);
        state.textProperty().bind(vm.stateTextProperty());
        TableView<VersionRunViewModel.StateRow> table = stateTable();
        table.visibleProperty().bind(Bindings.isNotEmpty(vm.stateRows()));
        table.managedProperty().bind(table.visibleProperty());
        CheckBox allow = new CheckBox("Allow non-restored state (drop the state no operator of this version claims)");
        allow.setId("allowNonRestoredState");
        allow.selectedProperty().bindBidirectional(vm.allowNonRestoredStateProperty());
        allow.visibleProperty().bind(vm.dropsStateProperty());
        allow.managedProperty().bind(allow.visibleProperty());
        Label problem = new Label();
        problem.setId("runProblem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.getStyleClass().add("inline-error");
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10));
        grid.getColumnConstraints().addAll(new ColumnConstraints(Region.USE_PREF_SIZE, Region.USE_COMPUTED_SIZE,
                Region.USE_PREF_SIZE), columnThatGrows());
        grid.addRow(0, new Label("Version"), version);
        grid.add(top(new Label("Start")), 0, 1);
        grid.add(new VBox(6, fresh, latest, chosen, path), 1, 1);
        Label runningTitle = top(new Label("Running"));
        runningTitle.visibleProperty().bind(running.visibleProperty());
        runningTitle.managedProperty().bind(running.visibleProperty());
        grid.add(runningTitle, 0, 2);
        grid.add(running, 1, 2);
        grid.add(top(new Label("Resources")), 0, 3);
        grid.add(resources, 1, 3);
        grid.add(top(new Label("State")), 0, 4);
        grid.add(new VBox(6, state, table, allow, problem), 1, 4);
        dialog.getDialogPane().setContent(grid);
        grid.setMinWidth(820);
        dialog.getDialogPane().setPrefSize(860, 640);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("runOkButton");
        ok.setMinWidth(Region.USE_PREF_SIZE);
        ok.textProperty().bind(Bindings.when(vm.runningVersionProperty().isNull()).then("Run").otherwise("Stop and run"));
        ok.setMinWidth(Region.USE_PREF_SIZE); // "Stop and run" in full, never "Stop a..."
        ok.disableProperty().bind(vm.canRunProperty().not());
        vm.load();
    }

    /** Shows the dialog; runs when the user confirms. */
    public void showAndRun() {
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.run());
    }

    private TableView<VersionRunViewModel.StateRow> stateTable() {
        TableView<VersionRunViewModel.StateRow> table = new TableView<>(vm.stateRows());
        table.setId("runStateTable");
        table.setPrefHeight(190);
        table.setMinHeight(150);
        TableColumn<VersionRunViewModel.StateRow, String> kind = new TableColumn<>("State");
        kind.setCellValueFactory(c -> new ReadOnlyStringWrapper(switch (c.getValue().kind()) {
            case RESTORED -> "Restored";
            case DROPPED -> "Dropped";
            case STARTS_EMPTY -> "Starts empty";
        }));
        kind.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                getStyleClass().removeAll("state-restored", "state-dropped", "state-empty");
                if (!empty && s != null) {
                    getStyleClass().add(s.equals("Restored") ? "state-restored" : s.equals("Dropped") ? "state-dropped" : "state-empty");
                }
            }
        });
        kind.setPrefWidth(110);
        kind.setMinWidth(110);
        TableColumn<VersionRunViewModel.StateRow, String> operator = new TableColumn<>("Operator");
        operator.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().operator()));
        operator.setPrefWidth(420);
        TableColumn<VersionRunViewModel.StateRow, String> detail = new TableColumn<>("Detail");
        detail.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().detail()));
        detail.setPrefWidth(140);
        table.getColumns().addAll(java.util.List.of(kind, operator, detail));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static ColumnConstraints columnThatGrows() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    private static Label top(Label label) {
        GridPane.setValignment(label, VPos.TOP);
        return label;
    }

    private static void toggle(Label label, String styleClass, boolean on) {
        label.getStyleClass().remove(styleClass);
        if (on) {
            label.getStyleClass().add(styleClass);
        }
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

    /** Names a restore point by kind, id or description, version and time; the location is its tooltip. */
    private final class RestorePointCell extends ListCell<String> {
        @Override
        protected void updateItem(String location, boolean empty) {
            super.updateItem(location, empty);
            setText(empty || location == null ? null : vm.describeRestorePoint(location));
            setTooltip(empty || location == null ? null : new javafx.scene.control.Tooltip(location));
        }
    }
}
