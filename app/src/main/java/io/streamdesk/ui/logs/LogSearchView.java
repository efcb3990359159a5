package io.streamdesk.ui.logs;

import io.streamdesk.service.logs.LogPreset;
import io.streamdesk.service.logs.LogSearch;
import io.streamdesk.ui.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

/** The log search pane (EV6). Thin: binds the view model. */
public final class LogSearchView {
    private final LogSearchViewModel vm;
    private final BorderPane root;

    @FXML private ComboBox<Integer> runBox;
    @FXML private ComboBox<LogPreset> presetBox;
    @FXML private TextField queryField;
    @FXML private CheckBox regexBox;
    @FXML private CheckBox harmlessBox;
    @FXML private Label statusLabel;
    @FXML private Label errorLabel;
    @FXML private TextArea summaryArea;
    @FXML private ListView<LogSearch.Match> matchList;

    public LogSearchView(LogSearchViewModel vm) {
        this.vm = vm;
        this.root = Fxml.load("/fxml/logs/LogSearch.fxml", this);
    }

    public BorderPane root() {
        return root;
    }

    @FXML
    private void initialize() {
        runBox.setItems(vm.runs());
        runBox.valueProperty().bindBidirectional(vm.runProperty());
        runBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer i) {
                return i == null ? "" : "#" + i;
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        presetBox.getItems().add(null);
        presetBox.getItems().addAll(vm.presets());
        presetBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(LogPreset p) {
                return p == null ? "Free text / regex" : p.label();
            }

            @Override
            public LogPreset fromString(String s) {
                return null;
            }
        });
        presetBox.valueProperty().bindBidirectional(vm.presetProperty());
        presetBox.valueProperty().addListener((o, a, v) -> vm.search());
        queryField.textProperty().bindBidirectional(vm.textProperty());
        queryField.disableProperty().bind(vm.presetProperty().isNotNull());
        regexBox.selectedProperty().bindBidirectional(vm.regexProperty());
        regexBox.disableProperty().bind(vm.presetProperty().isNotNull());
        harmlessBox.selectedProperty().bindBidirectional(vm.includeHarmlessProperty());
        harmlessBox.selectedProperty().addListener((o, a, v) -> vm.search());
        statusLabel.textProperty().bind(vm.statusProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        summaryArea.textProperty().bind(vm.summaryProperty());
        matchList.setItems(vm.matches());
        matchList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LogSearch.Match m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : String.format("%6d  %s", m.line(), m.text()));
            }
        });
        vm.runProperty().addListener((o, a, v) -> vm.search());
        vm.loadRuns();
    }

    @FXML
    private void onFetch() {
        vm.fetch();
    }

    @FXML
    private void onSearch() {
        vm.search();
    }
}
