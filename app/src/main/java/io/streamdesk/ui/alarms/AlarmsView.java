package io.streamdesk.ui.alarms;

import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.AlarmRule;
import io.streamdesk.ui.Formats;
import io.streamdesk.ui.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;

import java.time.Duration;

/** Alarm rule editor and notification list (AL1-AL3). Thin: binds the view model. */
public final class AlarmsView {
    private final AlarmsViewModel vm;
    private final BorderPane root;

    @FXML private ListView<AlarmRule> ruleList;
    @FXML private TextField nameField;
    @FXML private ComboBox<AlarmRule.Kind> kindBox;
    @FXML private CheckBox enabledBox;
    @FXML private ComboBox<AlarmRule.ScopeType> scopeBox;
    @FXML private TextField scopeJobsField;
    @FXML private TextField scopeTagField;
    @FXML private TitledPane metricPane;
    @FXML private ComboBox<String> metricBox;
    @FXML private ComboBox<AlarmRule.Comparison> comparisonBox;
    @FXML private TextField thresholdField;
    @FXML private TextField periodsField;
    @FXML private TextField periodField;
    @FXML private CheckBox cumulativeBox;
    @FXML private TitledPane patternPane;
    @FXML private TextArea patternArea;
    @FXML private CheckBox desktopBox;
    @FXML private TextField webhookField;
    @FXML private PasswordField secretField;
    @FXML private TextField emailField;
    @FXML private TextField dryRunField;
    @FXML private ListView<String> dryRunList;
    @FXML private ListView<AlarmNotification> notificationList;
    @FXML private Label counterLabel;
    @FXML private Label errorLabel;

    public AlarmsView(AlarmsViewModel vm) {
        this.vm = vm;
        this.root = Fxml.load("/fxml/alarms/Alarms.fxml", this);
        root.setId("alarmsPane");
    }

    public BorderPane root() {
        return root;
    }

    @FXML
    private void initialize() {
        ruleList.setItems(vm.rules());
        ruleList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AlarmRule r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.name() + "  [" + r.kind().name().toLowerCase() + "]"
                        + (r.enabled() ? "" : " (off)")
                        + (r.silencedUntil() != null && r.silencedAt(java.time.Instant.now()) ? " (silenced until " + Formats.time(r.silencedUntil()) + ")" : ""));
            }
        });
        ruleList.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                vm.edit(r);
            }
        });
        nameField.textProperty().bindBidirectional(vm.name);
        kindBox.getItems().setAll(AlarmRule.Kind.values());
        kindBox.valueProperty().bindBidirectional(vm.kind);
        enabledBox.selectedProperty().bindBidirectional(vm.enabled);
        scopeBox.getItems().setAll(AlarmRule.ScopeType.values());
        scopeBox.valueProperty().bindBidirectional(vm.scopeType);
        scopeJobsField.textProperty().bindBidirectional(vm.scopeJobs);
        scopeJobsField.visibleProperty().bind(vm.scopeType.isEqualTo(AlarmRule.ScopeType.ONE)
                .or(vm.scopeType.isEqualTo(AlarmRule.ScopeType.SEVERAL)));
        scopeTagField.textProperty().bindBidirectional(vm.scopeTag);
        scopeTagField.visibleProperty().bind(vm.scopeType.isEqualTo(AlarmRule.ScopeType.TAG));
        metricPane.visibleProperty().bind(vm.kind.isEqualTo(AlarmRule.Kind.METRIC));
        metricPane.managedProperty().bind(metricPane.visibleProperty());
        patternPane.visibleProperty().bind(vm.kind.isEqualTo(AlarmRule.Kind.EVENT));
        patternPane.managedProperty().bind(patternPane.visibleProperty());
        metricBox.getItems().setAll(vm.metricNames());
        metricBox.valueProperty().bindBidirectional(vm.metric);
        comparisonBox.getItems().setAll(AlarmRule.Comparison.values());
        comparisonBox.valueProperty().bindBidirectional(vm.comparison);
        thresholdField.textProperty().bindBidirectional(vm.threshold);
        periodsField.textProperty().bindBidirectional(vm.periods);
        periodField.textProperty().bindBidirectional(vm.periodMinutes);
        cumulativeBox.selectedProperty().bindBidirectional(vm.cumulative);
        patternArea.textProperty().bindBidirectional(vm.pattern);
        desktopBox.selectedProperty().bindBidirectional(vm.desktop);
        webhookField.textProperty().bindBidirectional(vm.webhookUrl);
        secretField.textProperty().bindBidirectional(vm.webhookSecret);
        emailField.textProperty().bindBidirectional(vm.emailTo);
        dryRunField.textProperty().bindBidirectional(vm.dryRunHours);
        dryRunList.setItems(vm.dryRunLines());
        notificationList.setItems(vm.notifications());
        notificationList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AlarmNotification n, boolean empty) {
                super.updateItem(n, empty);
                getStyleClass().removeAll("alarm-triggered", "alarm-cleared");
                if (empty || n == null) {
                    setText(null);
                    return;
                }
                getStyleClass().add(n.state() == AlarmNotification.State.TRIGGERED ? "alarm-triggered" : "alarm-cleared");
                setText(Formats.preciseTime(n.at()) + "  " + n.state() + "  " + n.ruleName()
                        + (n.jobId() == null ? "" : " · " + n.jobId().value()) + (n.acknowledged() ? "  ✓ acknowledged" : "")
                        + "\n" + n.message());
            }
        });
        counterLabel.textProperty().bind(vm.counterProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        vm.refresh();
    }

    @FXML
    private void onNew() {
        ruleList.getSelectionModel().clearSelection();
        vm.newRule();
    }

    @FXML
    private void onSave() {
        vm.save();
    }

    @FXML
    private void onDelete() {
        vm.delete();
    }

    @FXML
    private void onSilence() {
        vm.silence(Duration.ofHours(1));
    }

    @FXML
    private void onUnsilence() {
        vm.silence(Duration.ZERO);
    }

    @FXML
    private void onRefresh() {
        vm.refresh();
    }

    @FXML
    private void onDryRun() {
        vm.dryRun();
    }

    @FXML
    private void onAcknowledge() {
        vm.acknowledge(notificationList.getSelectionModel().getSelectedItem());
    }

    /** AL3: the SMTP server of alarm email. */
    @FXML
    private void onSmtpSettings() {
        new SmtpSettingsDialog(vm.smtpSettings(), root.getScene() == null ? null : root.getScene().getWindow()).show();
    }
}
