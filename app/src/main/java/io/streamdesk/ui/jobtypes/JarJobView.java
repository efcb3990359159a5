package io.streamdesk.ui.jobtypes;

import io.streamdesk.model.dependency.DependencyRef;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The form of a JAR job in place of the SQL editor (thin: binds {@link JarJobViewModel}). */
public final class JarJobView {
    private final VBox root = new VBox(12);
    private final ScrollPane scroll = new ScrollPane(root);

    public JarJobView(JarJobViewModel vm) {
        root.setId("jarJobForm");
        root.setPadding(new Insets(16));
        Label title = new Label("JAR job");
        title.getStyleClass().add("title-3");
        Label intro = new Label("The cluster runs the entry class's main method, which builds the job "
                + "(REST /jars/upload and /jars/:id/run). Publish freezes the jar version, entry class, arguments and "
                + "parallelism into the version.");
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");

        ComboBox<DependencyRef> jar = new ComboBox<>(vm.jarChoices());
        jar.setId("jarMainJar");
        jar.setPromptText("Choose a jar version from Dependencies");
        jar.setMaxWidth(Double.MAX_VALUE);
        jar.setCellFactory(l -> new JarCell());
        jar.setButtonCell(new JarCell());
        jar.valueProperty().bindBidirectional(vm.mainJarProperty());
        Label jarHint = hint(vm.jarHintProperty(), "jarMainJarHint", "text-muted");

        TextField entry = new TextField();
        entry.setId("jarEntryClass");
        entry.setPromptText("e.g. com.example.OrdersJob");
        entry.textProperty().bindBidirectional(vm.entryClassProperty());
        Label entryError = hint(vm.entryClassErrorProperty(), "jarEntryClassError", "inline-error");

        TextArea args = new TextArea();
        args.setId("jarArguments");
        args.setPromptText("--input kafka://orders --label 'two words'");
        args.setPrefRowCount(3);
        args.setWrapText(true);
        args.textProperty().bindBidirectional(vm.argumentsProperty());
        Label argsError = hint(vm.argumentsErrorProperty(), "jarArgumentsError", "inline-error");
        Label argsPreview = hint(vm.argumentsPreviewProperty(), "jarArgumentsPreview", "text-muted");

        Spinner<Integer> parallelism = new Spinner<>();
        parallelism.setId("jarParallelism");
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, io.streamdesk.model.jobtype.JarJobSpec.MAX_PARALLELISM, 1);
        parallelism.setValueFactory(factory);
        parallelism.setEditable(true);
        factory.valueProperty().bindBidirectional(vm.parallelismProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMaxWidth(720);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, new Label("Main jar"), jar);
        grid.add(jarHint, 1, 1);
        grid.addRow(2, new Label("Entry class"), entry);
        grid.add(entryError, 1, 3);
        grid.addRow(4, new Label("Arguments"), args);
        grid.add(argsError, 1, 5);
        grid.add(argsPreview, 1, 6);
        grid.addRow(7, new Label("Parallelism"), parallelism);

        Button check = new Button("Check entry class", new FontIcon("fth-check-circle"));
        check.setId("jarCheckButton");
        check.disableProperty().bind(vm.checkingProperty());
        check.setOnAction(e -> vm.check());
        Button save = new Button("Save", new FontIcon("fth-save"));
        save.setId("jarSaveButton");
        save.setOnAction(e -> vm.save());
        Label dirty = new Label();
        dirty.textProperty().bind(javafx.beans.binding.Bindings.when(vm.dirtyProperty())
                .then("Unsaved changes").otherwise(""));
        dirty.getStyleClass().add("text-muted");
        HBox buttons = new HBox(8, save, check, dirty);
        Label message = new Label();
        message.setId("jarMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        root.getChildren().addAll(title, intro, grid, buttons, message);
        scroll.setFitToWidth(true);
    }

    public Node root() {
        return scroll;
    }

    private static Label hint(javafx.beans.value.ObservableStringValue text, String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** "job.jar@2   sha256 0123456789ab". */
    private static final class JarCell extends ListCell<DependencyRef> {
        @Override
        protected void updateItem(DependencyRef ref, boolean empty) {
            super.updateItem(ref, empty);
            setText(empty || ref == null ? null : ref + (ref.sha256() == null ? ""
                    : "   sha256 " + ref.sha256().substring(0, Math.min(12, ref.sha256().length()))));
        }
    }
}
