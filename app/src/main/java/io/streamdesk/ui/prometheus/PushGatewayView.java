package io.streamdesk.ui.prometheus;

import io.streamdesk.ui.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

/** The PushGateway job option (MO4). Thin. */
public final class PushGatewayView {
    private final PushGatewayViewModel vm;
    private final VBox root;

    @FXML private TextField hostField;
    @FXML private TextField portField;
    @FXML private CheckBox httpsBox;
    @FXML private TextField jobNameField;
    @FXML private TextField userField;
    @FXML private PasswordField passwordField;
    @FXML private TextField intervalField;
    @FXML private Label statusLabel;
    @FXML private TextArea statementsArea;

    public PushGatewayView(PushGatewayViewModel vm) {
        this.vm = vm;
        this.root = Fxml.load("/fxml/prometheus/PushGateway.fxml", this);
    }

    public VBox root() {
        return root;
    }

    @FXML
    private void initialize() {
        hostField.textProperty().bindBidirectional(vm.host);
        portField.textProperty().bindBidirectional(vm.port);
        httpsBox.selectedProperty().bindBidirectional(vm.https);
        jobNameField.textProperty().bindBidirectional(vm.jobName);
        userField.textProperty().bindBidirectional(vm.user);
        passwordField.textProperty().bindBidirectional(vm.password);
        intervalField.textProperty().bindBidirectional(vm.intervalSeconds);
        statusLabel.textProperty().bind(vm.statusProperty());
        statementsArea.textProperty().bind(vm.statementsProperty());
    }

    @FXML
    private void onTest() {
        vm.testPush();
    }

    @FXML
    private void onGenerate() {
        vm.generate();
    }

    @FXML
    private void onCopy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(statementsArea.getText());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }
}
