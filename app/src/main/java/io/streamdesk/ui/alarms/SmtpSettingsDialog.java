package io.streamdesk.ui.alarms;

import io.streamdesk.model.SmtpSettings;
import io.streamdesk.model.SmtpSettings.Security;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Email (SMTP) settings of the alarms (AL3). Thin: binds {@link SmtpSettingsViewModel}. */
public final class SmtpSettingsDialog {
    private final SmtpSettingsViewModel vm;
    private final Dialog<ButtonType> dialog = new Dialog<>();

    public SmtpSettingsDialog(SmtpSettingsViewModel vm, Window owner) {
        this.vm = vm;
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        dialog.setTitle("Alarm email (SMTP)");
        dialog.setHeaderText("The SMTP server that sends alarm email");
        dialog.setResizable(true);

        TextField host = field("smtpHost", "smtp.example.org", 26);
        host.textProperty().bindBidirectional(vm.host);
        TextField port = field("smtpPort", "587", 6);
        port.textProperty().bindBidirectional(vm.port);
        ChoiceBox<Security> security = new ChoiceBox<>();
        security.setId("smtpSecurity");
        security.getItems().setAll(Security.values());
        security.valueProperty().bindBidirectional(vm.security);
        TextField user = field("smtpUser", "user (empty: no login)", 26);
        user.textProperty().bindBidirectional(vm.user);
        PasswordField password = new PasswordField();
        password.setId("smtpPassword");
        password.setPromptText("new password (empty: keep)");
        password.textProperty().bindBidirectional(vm.newPassword);
        Label passwordState = new Label();
        passwordState.setId("smtpPasswordState");
        passwordState.getStyleClass().add("muted");
        passwordState.textProperty().bind(vm.passwordStateProperty());
        TextField from = field("smtpFrom", "alarms@example.org", 26);
        from.textProperty().bindBidirectional(vm.from);
        TextField testTo = field("smtpTestTo", "recipient (empty: the from address)", 26);
        testTo.textProperty().bindBidirectional(vm.testTo);
        Button send = new Button("Send test email");
        send.setId("smtpSendTest");
        send.setMinWidth(Region.USE_PREF_SIZE);
        send.disableProperty().bind(vm.busyProperty());
        send.setOnAction(e -> vm.sendTest());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        HBox hostPort = new HBox(6, host, label("Port"), port);
        hostPort.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(row++, label("Host"), hostPort);
        grid.addRow(row++, label("Security"), security);
        grid.addRow(row++, label("User"), user);
        grid.addRow(row++, label("Password"), new VBox(2, password, passwordState));
        grid.addRow(row++, label("From address"), from);
        HBox test = new HBox(6, testTo, send);
        test.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(testTo, Priority.ALWAYS);
        grid.addRow(row, label("Test email to"), test);

        Label status = new Label();
        status.setId("smtpStatus");
        status.setWrapText(true);
        status.setMaxWidth(520);
        status.setMinHeight(Region.USE_PREF_SIZE); // a long server answer wraps instead of ending in "..."
        status.textProperty().bind(vm.statusProperty());
        status.textProperty().addListener((o, a, text) -> {
            if (dialog.isShowing()) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        vm.statusIsErrorProperty().addListener((o, a, error) -> {
            status.getStyleClass().removeAll("inline-error", "muted");
            status.getStyleClass().add(error ? "inline-error" : "muted");
        });
        status.getStyleClass().add("muted");
        VBox box = new VBox(10, grid, status);
        box.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("smtpSaveButton");
        ok.setText("Save");
        ok.disableProperty().bind(vm.busyProperty());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // closes only once saved; refusals stay visible
            vm.save(() -> {
                dialog.setResult(ButtonType.OK);
                dialog.close();
            });
        });
        dialog.setOnShown(e -> host.requestFocus());
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(String id, String prompt, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        return f;
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    public void show() {
        vm.load();
        dialog.show();
    }
}
