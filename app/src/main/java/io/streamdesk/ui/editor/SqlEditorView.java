package io.streamdesk.ui.editor;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.ui.task.UiContext;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The SQL editor of a job: find bar, code area, and the problems list below (click a problem to jump to it).
 * Built in code rather than FXML: it is one composite control whose parts are wired to each other.
 */
public final class SqlEditorView {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REPLACE = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COMMENT = new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination FORMAT = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final SqlEditorViewModel vm;
    private final SqlCodeArea area;
    private final FindReplaceBar findBar;
    private final StoreAsSecretBar secretBar;
    private final CompletionPopup completion;
    private final ListView<SqlProblem> problemList = new ListView<>();
    private final SplitPane split;
    private final BorderPane root = new BorderPane();
    private boolean loading;

    public SqlEditorView(SqlEditorViewModel vm, UiContext ctx) {
        this.vm = vm;
        this.area = new SqlCodeArea();
        area.setId("sqlEditor");
        findBar = new FindReplaceBar(area);
        secretBar = new StoreAsSecretBar(vm.secrets(), area);
        // before wire(): its key filter must see Enter, Tab and Esc first while it shows
        completion = new CompletionPopup(vm.completion(), area);

        problemList.setId("problemList");
        problemList.setItems(vm.problems());
        problemList.setPlaceholder(new Label("No problems. Check the SQL with F9."));
        problemList.setCellFactory(lv -> new ProblemCell());
        problemList.setOnMouseClicked(e -> jumpTo(problemList.getSelectionModel().getSelectedItem()));
        problemList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                jumpTo(problemList.getSelectionModel().getSelectedItem());
            }
        });

        Label summary = new Label();
        summary.setId("checkSummary");
        summary.textProperty().bind(vm.checkSummaryProperty());
        Label saveError = new Label();
        saveError.setId("saveError");
        saveError.getStyleClass().add("inline-error");
        saveError.textProperty().bind(vm.saveErrorProperty());
        Label title = new Label("Problems");
        title.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox problemsHeader = new HBox(8, title, summary, spacer, saveError);
        problemsHeader.getStyleClass().add("problems-header");
        problemsHeader.setPadding(new Insets(4, 8, 4, 8));
        VBox problemsPane = new VBox(problemsHeader, problemList);
        VBox.setVgrow(problemList, Priority.ALWAYS);

        VirtualizedScrollPane<SqlCodeArea> scroll = new VirtualizedScrollPane<>(area);
        VBox editorPane = new VBox(findBar, secretBar.root(), scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        split = new SplitPane(editorPane, problemsPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.75);
        root.setCenter(split);
        root.getStyleClass().add("sql-editor");

        wire();
    }

    public BorderPane root() {
        return root;
    }

    public SqlCodeArea area() {
        return area;
    }

    public CompletionPopup completion() {
        return completion;
    }

    public StoreAsSecretBar secretBar() {
        return secretBar;
    }

    public SplitPane split() {
        return split;
    }

    public void focus() {
        area.requestFocus();
    }

    private void wire() {
        vm.loadedTextProperty().addListener((o, a, text) -> {
            if (text != null) {
                loading = true;
                area.replaceAllText(text);
                loading = false;
            }
        });
        // no textProperty listener: it would rebuild the whole text on every keystroke (E5); the text is read on demand
        area.plainTextChanges().subscribe(ch -> {
            if (!loading) {
                vm.onTextEdited(area::getText);
            }
        });
        // edits move the markers with the text (SqlCodeArea); a new check result replaces them
        vm.problems().addListener((ListChangeListener<SqlProblem>) c -> area.setMarkers(vm.markers(area.getText())));
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isConsumed()) {
                return; // the completion popup took the key
            }
            if (FORMAT.match(e)) {
                format();
                e.consume();
            } else if (FIND.match(e)) {
                findBar.showFind(false);
                e.consume();
            } else if (REPLACE.match(e)) {
                findBar.showFind(true);
                e.consume();
            } else if (COMMENT.match(e)) {
                EditorCommands.Edit edit = EditorCommands.toggleComment(area.getText(),
                        area.getSelection().getStart(), area.getSelection().getEnd());
                area.replaceText(edit.start(), edit.end(), edit.text());
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
                // only the current line up to the caret: reading the whole text costs milliseconds in a long script
                String line = area.getText(area.getCurrentParagraph(), 0, area.getCurrentParagraph(),
                        area.getCaretColumn());
                area.replaceSelection(EditorCommands.newLineWithIndent(line, line.length()));
                area.requestFollowCaret();
                e.consume();
            }
        });
    }

    /** Formats the script (E1) as one undoable edit; the text keeps its meaning (see {@link SqlFormatter}). */
    public void format() {
        if (!area.isEditable()) {
            return;
        }
        String text = area.getText();
        String formatted = SqlFormatter.format(text);
        if (!formatted.equals(text)) {
            int caretLine = area.getCurrentParagraph();
            area.replaceText(0, area.getLength(), formatted);
            area.moveTo(Math.min(caretLine, area.getParagraphs().size() - 1), 0);
            area.requestFollowCaret();
        }
    }

    private void jumpTo(SqlProblem p) {
        if (p == null) {
            return;
        }
        int offset = ProblemMarkers.offsetOf(area.getText(), p.line(), p.column());
        area.moveTo(offset);
        area.requestFollowCaret();
        area.requestFocus();
    }

    private static final class ProblemCell extends ListCell<SqlProblem> {
        @Override
        protected void updateItem(SqlProblem p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setText(null);
                setGraphic(null);
            } else {
                setText("Line " + p.line() + ", column " + p.column() + ": " + p.message());
                FontIcon icon = new FontIcon(Feather.ALERT_CIRCLE);
                icon.getStyleClass().add("problem-icon");
                setGraphic(icon);
            }
        }
    }
}
