package io.streamdesk.ui.prometheus;

import io.streamdesk.ui.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The PushGateway job option (MO4). Thin. */
public final class PushGatewayView {
    private final PushGatewayViewModel vm;
    private final VBox root;

    @FXML private CheckBox enabledBox;
    @FXML private GridPane form;
    @FXML private TextField hostField;
    @FXML private TextField portField;
    @FXML private CheckBox httpsBox;
    @FXML private TextField jobNameField;
    @FXML private TextField userField;
    @FXML private PasswordField passwordField;
    @FXML private Label passwordStateLabel;
    @FXML private TextField intervalField;
    @FXML private Button applyButton;
    @FXML private Button testButton;
    @FXML private Label statusLabel;
    @FXML private TextArea previewArea;

    public PushGatewayView(PushGatewayViewModel vm) {
        this.vm = vm;
        this.root = Fxml.load("/fxml/prometheus/PushGateway.fxml", this);
    }

    public VBox root() {
        return root;
    }

    @FXML
    private void initialize() {
        enabledBox.selectedProperty().bindBidirectional(vm.enabled);
        form.disableProperty().bind(vm.enabled.not());
        testButton.disableProperty().bind(vm.enabled.not());
        applyButton.disableProperty().bind(vm.busyProperty());
        hostField.textProperty().bindBidirectional(vm.host);
        portField.textProperty().bindBidirectional(vm.port);
        httpsBox.selectedProperty().bindBidirectional(vm.https);
        jobNameField.textProperty().bindBidirectional(vm.jobName);
        userField.textProperty().bindBidirectional(vm.user);
        passwordField.textProperty().bindBidirectional(vm.password);
        passwordStateLabel.textProperty().bind(vm.passwordStateProperty());
        intervalField.textProperty().bindBidirectional(vm.intervalSeconds);
        statusLabel.textProperty().bind(vm.statusProperty());
        previewArea.textProperty().bind(vm.previewProperty());
    }

    @FXML
    private void onTest() {
        vm.testPush();
    }

    @FXML
    private void onApply() {
        vm.apply();
    }
}
