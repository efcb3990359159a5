package io.streamdesk.ui.quit;

import io.streamdesk.service.Services;
import io.streamdesk.service.QuitResumeOffer;
import io.streamdesk.ui.task.UiContext;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/** "Resume jobs stopped at quit?" on start: the jobs, each with its savepoint; "Resume" and "Not now". */
public final class ResumeAfterQuitDialog {
    private final Stage stage = new Stage();

    private ResumeAfterQuitDialog(Window owner, ResumeAfterQuitViewModel vm) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE); // the app is usable behind it
        stage.setTitle("Resume jobs stopped at quit");
        Label headline = new Label(vm.rows().size() == 1
                ? "One job was stopped with a savepoint when StreamDesk last quit."
                : vm.rows().size() + " jobs were stopped with a savepoint when StreamDesk last quit.");
        headline.getStyleClass().add("title-4");
        headline.setWrapText(true);
        Label hint = new Label("Resume runs the same version again from that savepoint, with the checks of a normal run.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);

        VBox rows = new VBox(8);
        rows.setId("resumeRows");
        for (ResumeAfterQuitViewModel.Row row : vm.rows()) {
            CheckBox box = new CheckBox(row.name());
            box.setId("resume-" + row.offer().job().id().value());
            box.selectedProperty().bindBidirectional(row.selectedProperty());
            box.disableProperty().bind(vm.busyProperty().or(vm.doneProperty()));
            Label detail = new Label(row.detail());
            detail.getStyleClass().add("muted");
            detail.setWrapText(true);
            Label status = new Label();
            status.textProperty().bind(row.statusProperty());
            rows.getChildren().add(new VBox(2, new HBox(10, box, status), detail));
        }

        Button notNow = new Button("Not now");
        notNow.setId("resumeNotNow");
        notNow.setCancelButton(true);
        notNow.setOnAction(e -> stage.hide());
        notNow.visibleProperty().bind(vm.doneProperty().not());
        notNow.managedProperty().bind(notNow.visibleProperty());
        notNow.disableProperty().bind(vm.busyProperty());
        Button resume = new Button("Resume");
        resume.setId("resumeButton");
        resume.setDefaultButton(true);
        resume.getStyleClass().add("accent");
        resume.disableProperty().bind(vm.busyProperty());
        resume.setOnAction(e -> {
            if (vm.doneProperty().get()) {
                stage.hide();
            } else {
                vm.resume();
            }
        });
        vm.doneProperty().addListener((o, a, isDone) -> resume.setText(isDone ? "Close" : "Resume"));
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, notNow, resume);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(12, headline, hint, rows, buttons);
        root.setId("resumeAfterQuit");
        root.setPadding(new Insets(16));
        root.setPrefWidth(600);
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    /** Looks for jobs stopped at the last quit and, when there are any, offers to resume them. */
    public static void offerIfAny(Window owner, UiContext ctx, Services services) {
        ResumeAfterQuitViewModel.lookUp(ctx, services, offers -> show(owner, ctx, services, offers));
    }

    public static ResumeAfterQuitDialog show(Window owner, UiContext ctx, Services services, List<QuitResumeOffer> offers) {
        ResumeAfterQuitDialog dialog = new ResumeAfterQuitDialog(owner, new ResumeAfterQuitViewModel(ctx, services, offers));
        dialog.stage.show();
        return dialog;
    }

    public Stage stage() {
        return stage;
    }
}
