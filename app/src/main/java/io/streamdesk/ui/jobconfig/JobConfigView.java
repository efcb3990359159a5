package io.streamdesk.ui.jobconfig;

import io.streamdesk.model.JobResources;
import io.streamdesk.model.LogLevel;
import io.streamdesk.model.RuntimeMode;
import io.streamdesk.service.jobconfig.ConfigProblem;
import io.streamdesk.ui.Fxml;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Configuration tab of a job page: binds the form and the parameters editor to {@link JobConfigViewModel}. */
public final class JobConfigView {
    private final JobConfigViewModel vm;
    private final BorderPane root;
    private final ParametersArea parametersArea = new ParametersArea();
    private boolean pushing;

    @FXML private StackPane parametersHolder;
    @FXML private Label problemSummary;
    @FXML private ListView<ConfigProblem> problemList;
    @FXML private ComboBox<Double> jobManagerSpec;
    @FXML private ComboBox<Double> taskManagerSpec;
    @FXML private Spinner<Integer> parallelism;
    @FXML private Label cuText;
    @FXML private Label capacityText;
    @FXML private RadioButton streamingMode;
    @FXML private RadioButton batchMode;
    @FXML private ComboBox<LogLevel> logLevel;
    @FXML private Label logLevelNote;
    @FXML private Label saveError;
    @FXML private javafx.scene.layout.VBox settingsBox;

    public JobConfigView(JobConfigViewModel vm) {
        this.vm = vm;
        this.root = Fxml.load("/fxml/jobconfig/JobConfig.fxml", this);
        root.getStylesheets().add(JobConfigView.class.getResource("/css/jobconfig.css").toExternalForm());
    }

    public BorderPane root() {
        return root;
    }

    ParametersArea parametersArea() {
        return parametersArea;
    }

    @FXML
    private void initialize() {
        parametersArea.setId("configParameters");
        parametersHolder.getChildren().add(new VirtualizedScrollPane<>(parametersArea));
        vm.loadedParametersProperty().addListener((o, a, text) -> {
            if (text != null) {
                pushing = true;
                parametersArea.replaceAllText(text);
                pushing = false;
            }
        });
        parametersArea.textProperty().addListener((o, a, text) -> {
            if (!pushing) {
                vm.parametersProperty().set(text);
            }
        });

        if (vm.dependenciesAvailable()) {
            // before the save error, which stays last
            settingsBox.getChildren().add(settingsBox.getChildren().indexOf(saveError),
                    new DraftDependenciesSection(vm).root());
        }
        problemList.setId("configProblems");
        problemList.setItems(vm.problems());
        problemList.setCellFactory(l -> new ProblemCell());
        problemList.setOnMouseClicked(e -> goToProblem(problemList.getSelectionModel().getSelectedItem()));
        vm.problems().addListener((ListChangeListener<ConfigProblem>) c -> parametersArea.setProblems(vm.problems()));
        problemSummary.textProperty().bind(vm.summaryProperty());

        StringConverter<Double> cu = new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : JobResources.format(v);
            }

            @Override
            public Double fromString(String s) {
                return s == null || s.isBlank() ? null : Double.valueOf(s.strip());
            }
        };
        for (ComboBox<Double> box : java.util.List.of(jobManagerSpec, taskManagerSpec)) {
            box.getItems().setAll(vm.specs());
            box.setConverter(cu);
        }
        jobManagerSpec.setId("jobManagerSpec");
        taskManagerSpec.setId("taskManagerSpec");
        jobManagerSpec.valueProperty().bindBidirectional(vm.jobManagerCuProperty());
        taskManagerSpec.valueProperty().bindBidirectional(vm.taskManagerCuProperty());

        parallelism.setId("parallelismSpinner");
        SpinnerValueFactory.IntegerSpinnerValueFactory values =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, JobResources.MAX_PARALLELISM, vm.parallelismProperty().get());
        parallelism.setValueFactory(values);
        values.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.parallelismProperty().set(b);
            }
        });
        vm.parallelismProperty().addListener((o, a, b) -> values.setValue(b.intValue()));

        cuText.textProperty().bind(vm.cuTextProperty());
        capacityText.setId("capacityText");
        capacityText.textProperty().bind(vm.capacityTextProperty());
        vm.exceedsCapacityProperty().addListener((o, a, exceeds) -> {
            capacityText.getStyleClass().remove("capacity-exceeded");
            if (exceeds) {
                capacityText.getStyleClass().add("capacity-exceeded");
            }
        });

        streamingMode.setId("streamingMode");
        batchMode.setId("batchMode");
        streamingMode.setSelected(vm.runtimeModeProperty().get() == RuntimeMode.STREAMING);
        batchMode.setSelected(vm.runtimeModeProperty().get() == RuntimeMode.BATCH);
        streamingMode.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                vm.runtimeModeProperty().set(RuntimeMode.STREAMING);
            }
        });
        batchMode.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                vm.runtimeModeProperty().set(RuntimeMode.BATCH);
            }
        });
        vm.runtimeModeProperty().addListener((o, a, mode) -> {
            streamingMode.setSelected(mode == RuntimeMode.STREAMING);
            batchMode.setSelected(mode == RuntimeMode.BATCH);
        });

        logLevel.setId("logLevel");
        logLevel.getItems().setAll(LogLevel.values());
        logLevel.valueProperty().bindBidirectional(vm.logLevelProperty());
        logLevelNote.setText(vm.logLevelNote());
        logLevelNote.setGraphic(new FontIcon(Feather.INFO));
        saveError.textProperty().bind(vm.saveErrorProperty());
    }

    private void goToProblem(ConfigProblem p) {
        if (p != null && p.line() > 0 && p.line() <= parametersArea.getParagraphs().size()) {
            // a bad value is pointed at by its column; other problems by their line
            int paragraph = p.line() - 1;
            int column = Math.min(Math.max(p.column() - 1, 0), parametersArea.getParagraphLength(paragraph));
            parametersArea.moveTo(paragraph, column);
            parametersArea.requestFollowCaret();
            parametersArea.requestFocus();
        }
    }

    private static final class ProblemCell extends ListCell<ConfigProblem> {
        @Override
        protected void updateItem(ConfigProblem p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(p.describe());
            FontIcon icon = new FontIcon(p.isError() ? Feather.ALERT_CIRCLE : Feather.ALERT_TRIANGLE);
            icon.getStyleClass().add(p.isError() ? "problem-icon" : "problem-warning-icon");
            setGraphic(icon);
        }
    }
}
