package io.streamdesk.ui.quit;

import io.streamdesk.service.StopAtQuit;
import io.streamdesk.ui.task.UiContext;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Quitting StreamDesk": while every running job is stopped with a savepoint at once, one row per job (stopping /
 * savepoint at … / failed) and a "Quit without savepoints" button. Thin: the state is {@link QuitViewModel}'s.
 */
public final class QuitDialog {
    private final Stage stage = new Stage();
    private final QuitViewModel vm;
    private final VBox rowsBox = new VBox(6);

    private QuitDialog(Window owner, QuitViewModel vm, java.util.List<String> stylesheets) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Quitting StreamDesk");
        stage.setResizable(false);

        Label headline = new Label();
        headline.setId("quitHeadline");
        headline.getStyleClass().add("title-4");
        headline.setWrapText(true);
        headline.textProperty().bind(vm.headlineProperty());
        Label hint = new Label("A job stopped here shows Stopped (\u201cstopped at quit\u201d); the next start offers "
                + "to resume it from its savepoint.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        // wrapped labels in a VBox keep their full height instead of ending in "…"
        headline.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        rowsBox.setId("quitRows");
        ScrollPane scroll = new ScrollPane(rowsBox);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(160);
        scroll.getStyleClass().add("edge-to-edge");
        vm.rows().addListener((ListChangeListener<QuitViewModel.Row>) c -> rebuildRows());
        rebuildRows();

        Button quitNow = new Button();
        quitNow.setId("quitWithoutSavepoints");
        quitNow.textProperty().bind(vm.quitLabelProperty());
        quitNow.setOnAction(e -> vm.quitNow());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, quitNow);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(12, headline, hint, scroll, buttons);
        root.setId("quitDialog");
        root.getStyleClass().add("quit-dialog");
        root.setPadding(new Insets(16));
        root.setPrefWidth(560);
        Scene scene = new Scene(root);
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
        // closing the dialog's window is the same as quitting without waiting
        stage.setOnCloseRequest(e -> vm.quitNow());
    }

    private void rebuildRows() {
        rowsBox.getChildren().setAll(vm.rows().stream().map(QuitDialog::rowNode).toList());
    }

    private static HBox rowNode(QuitViewModel.Row row) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(row.stepProperty().isEqualTo(StopAtQuit.Step.STOPPING));
        Label mark = new Label();
        mark.textProperty().bind(Bindings.createStringBinding(() -> switch (row.stepProperty().get()) {
            case STOPPING -> "";
            case SAVEPOINT_TAKEN -> "\u2713";
            case FAILED -> "\u2717";
        }, row.stepProperty()));
        mark.getStyleClass().add("quit-mark");
        row.stepProperty().addListener((o, a, b) -> styleMark(mark, b));
        styleMark(mark, row.stepProperty().get());
        StackPane icon = new StackPane(spinner, mark);
        icon.setMinWidth(20);
        Label name = new Label();
        name.textProperty().bind(row.nameProperty());
        name.getStyleClass().add("text-bold");
        name.setMinWidth(160);
        name.setMaxWidth(200);
        Label text = new Label();
        text.setId("quitRow-" + row.jobId().value());
        text.textProperty().bind(row.textProperty());
        text.setWrapText(true);
        text.getStyleClass().add("muted");
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(10, icon, name, text);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("quit-row");
        return box;
    }

    private static void styleMark(Label mark, StopAtQuit.Step step) {
        mark.getStyleClass().removeAll("success", "danger");
        if (step == StopAtQuit.Step.SAVEPOINT_TAKEN) {
            mark.getStyleClass().add("success");
        } else if (step == StopAtQuit.Step.FAILED) {
            mark.getStyleClass().add("danger");
        }
    }

    /**
     * Shows the dialog over {@code owner} and starts the stops. {@code exit} ends the app; it runs when every
     * savepoint is taken or the user quits without them.
     */
    public static QuitDialog show(Window owner, UiContext ctx, StopAtQuit quit, Runnable exit) {
        java.util.List<String> sheets = owner != null && owner.getScene() != null
                ? owner.getScene().getStylesheets() : java.util.List.of();
        QuitDialog[] self = new QuitDialog[1];
        QuitViewModel vm = new QuitViewModel(ctx, quit, () -> {
            self[0].stage.hide();
            exit.run();
        });
        self[0] = new QuitDialog(owner, vm, sheets);
        self[0].stage.show();
        vm.start();
        return self[0];
    }

    /** The dialog's window, for tests and screenshots. */
    public Stage stage() {
        return stage;
    }

    QuitViewModel viewModel() {
        return vm;
    }
}
