package io.streamdesk.ui.jobtypes;

import io.streamdesk.model.jobtype.EtlSpec;
import io.streamdesk.ui.editor.SqlCodeArea;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** The form of an ETL job in place of the SQL editor (thin: binds {@link EtlJobViewModel}). */
public final class EtlJobView {
    private final SplitPane root = new SplitPane();

    public EtlJobView(EtlJobViewModel vm) {
        root.setId("etlJobForm");
        root.setOrientation(javafx.geometry.Orientation.VERTICAL);

        ComboBox<EtlSpec.TableRef> source = tablePicker(vm, "etlSource", "Source table");
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        ComboBox<EtlSpec.TableRef> sink = tablePicker(vm, "etlSink", "Sink table");
        sink.valueProperty().bindBidirectional(vm.sinkProperty());
        Label note = new Label();
        note.setId("etlCatalogNote");
        note.getStyleClass().add("text-muted");
        note.textProperty().bind(vm.catalogNoteProperty());
        note.visibleProperty().bind(vm.catalogNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        Label columns = new Label();
        columns.setId("etlSourceColumns");
        columns.setWrapText(true);
        columns.getStyleClass().add("text-muted");
        columns.textProperty().bind(vm.sourceColumnsProperty());

        GridPane pickers = new GridPane();
        pickers.setHgap(12);
        pickers.setVgap(6);
        pickers.addRow(0, new Label("Source"), source, new Label("Sink"), sink);
        GridPane.setHgrow(source, Priority.ALWAYS);
        GridPane.setHgrow(sink, Priority.ALWAYS);

        TableView<EtlJobViewModel.MappingRow> mapping = new TableView<>(vm.rows());
        mapping.setId("etlMapping");
        mapping.setEditable(true);
        mapping.setPlaceholder(new Label("Choose a sink table: its columns are listed here to map."));
        TableColumn<EtlJobViewModel.MappingRow, String> sinkColumn = new TableColumn<>("Sink column");
        sinkColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sinkColumn()));
        sinkColumn.setPrefWidth(180);
        TableColumn<EtlJobViewModel.MappingRow, String> type = new TableColumn<>("Type");
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sinkType()));
        type.setPrefWidth(140);
        TableColumn<EtlJobViewModel.MappingRow, String> from = new TableColumn<>(
                "From: source column or expression (blank: left out)");
        from.setCellValueFactory(c -> c.getValue().expressionProperty());
        from.setCellFactory(TextFieldTableCell.forTableColumn());
        from.setOnEditCommit(e -> vm.setExpression(e.getRowValue(), e.getNewValue()));
        from.setPrefWidth(420);
        mapping.getColumns().add(sinkColumn);
        mapping.getColumns().add(type);
        mapping.getColumns().add(from);
        mapping.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TextField filter = new TextField();
        filter.setId("etlFilter");
        filter.setPromptText("optional WHERE condition, e.g. amount > 0 AND status <> 'test'");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        HBox filterRow = new HBox(8, new Label("Filter (WHERE)"), filter);
        HBox.setHgrow(filter, Priority.ALWAYS);

        Button save = new Button("Save", new FontIcon("fth-save"));
        save.setId("etlSaveButton");
        save.setOnAction(e -> vm.save());
        Button check = new Button("Check SQL", new FontIcon("fth-check-circle"));
        check.setId("etlCheckButton");
        check.disableProperty().bind(vm.checkingProperty());
        check.setOnAction(e -> vm.check());
        Label message = new Label();
        message.setId("etlMessage");
        message.textProperty().bind(vm.messageProperty());
        HBox buttons = new HBox(8, save, check, message);

        Label title = new Label("ETL job");
        title.getStyleClass().add("title-3");
        VBox top = new VBox(8, title, note, pickers, columns, mapping, filterRow, buttons);
        top.setPadding(new Insets(12));
        VBox.setVgrow(mapping, Priority.ALWAYS);

        SqlCodeArea sql = new SqlCodeArea();
        sql.setId("etlGeneratedSql");
        sql.setEditable(false);
        vm.generatedSqlProperty().addListener((o, a, b) -> showFromTop(sql, b));
        showFromTop(sql, vm.generatedSqlProperty().get());
        ListView<String> problems = new ListView<>(vm.problems());
        problems.setId("etlProblems");
        problems.setPrefHeight(64);
        problems.setPlaceholder(new Label("No problems."));
        Label sqlTitle = new Label("Generated Flink SQL (read-only; this is what the version freezes and runs)");
        sqlTitle.getStyleClass().add("text-muted");
        BorderPane bottom = new BorderPane(new VirtualizedScrollPane<>(sql));
        bottom.setTop(sqlTitle);
        bottom.setBottom(problems);
        bottom.setPadding(new Insets(6, 12, 12, 12));

        root.getItems().addAll(top, bottom);
        root.setDividerPositions(0.6);
    }

    public Node root() {
        return root;
    }

    private static void showFromTop(SqlCodeArea area, String text) {
        area.replaceAllText(text);
        area.moveTo(0);
        area.showParagraphAtTop(0);
    }

    private static ComboBox<EtlSpec.TableRef> tablePicker(EtlJobViewModel vm, String id, String prompt) {
        ComboBox<EtlSpec.TableRef> box = new ComboBox<>(vm.tables());
        box.setId(id);
        box.setPromptText(prompt);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setCellFactory(l -> new TableCell());
        box.setButtonCell(new TableCell());
        return box;
    }

    private static final class TableCell extends ListCell<EtlSpec.TableRef> {
        @Override
        protected void updateItem(EtlSpec.TableRef t, boolean empty) {
            super.updateItem(t, empty);
            setText(empty || t == null ? null : t.qualifiedName());
        }
    }
}
