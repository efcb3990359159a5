package io.streamdesk.ui.compare;

import io.streamdesk.service.compare.ChangeBlock;
import io.streamdesk.service.compare.ConfigChange;
import io.streamdesk.service.compare.VersionComparison;
import io.streamdesk.ui.Fxml;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.fxmisc.flowless.VirtualizedScrollPane;

/**
 * The comparison pane (V3): two read-only SQL sides with aligned rows and synchronized scrolling, next/previous
 * change (F7 / Shift+F7, Alt+Down / Alt+Up), the change count, and the configuration table in a second tab.
 */
public final class ComparisonView {
    static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.F7);
    static final KeyCombination NEXT_ALT = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN);
    static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.F7, KeyCombination.SHIFT_DOWN);
    static final KeyCombination PREVIOUS_ALT = new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN);

    private final ComparisonViewModel vm;
    private final UiContext ctx;
    private final BorderPane root;
    private final DiffSideArea left = new DiffSideArea("left");
    private final DiffSideArea right = new DiffSideArea("right");
    private long shown;

    @FXML private Button previousChangeButton;
    @FXML private Button nextChangeButton;
    @FXML private Label changeCount;
    @FXML private Label currentChange;
    @FXML private ProgressIndicator comparing;
    @FXML private CheckBox ignoreWhitespace;
    @FXML private HBox identicalBanner;
    @FXML private Label identicalText;
    @FXML private Label compareNotes;
    @FXML private Label compareError;
    @FXML private GridPane sidesGrid;
    @FXML private Label leftTitle;
    @FXML private Label rightTitle;
    @FXML private Tab configTab;
    @FXML private Label configSummary;
    @FXML private TableView<ConfigChange> configTable;
    @FXML private TableColumn<ConfigChange, String> configKeyColumn;
    @FXML private TableColumn<ConfigChange, ConfigChange.Kind> configKindColumn;
    @FXML private TableColumn<ConfigChange, String> configOldColumn;
    @FXML private TableColumn<ConfigChange, String> configNewColumn;

    public ComparisonView(ComparisonViewModel vm, UiContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        this.root = Fxml.load("/fxml/compare/Comparison.fxml", this);
        root.getStylesheets().add(ComparisonView.class.getResource("/css/diff.css").toExternalForm());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    public BorderPane root() {
        return root;
    }

    public ComparisonViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        left.setId("diffLeft");
        right.setId("diffRight");
        VirtualizedScrollPane<DiffSideArea> leftScroll = new VirtualizedScrollPane<>(left);
        VirtualizedScrollPane<DiffSideArea> rightScroll = new VirtualizedScrollPane<>(right);
        // rows are aligned (fillers), so equal scroll positions show the same rows side by side
        left.estimatedScrollYProperty().bindBidirectional(right.estimatedScrollYProperty());
        left.estimatedScrollXProperty().bindBidirectional(right.estimatedScrollXProperty());
        sidesGrid.add(leftScroll, 0, 1);
        sidesGrid.add(rightScroll, 1, 1);
        GridPane.setVgrow(leftScroll, javafx.scene.layout.Priority.ALWAYS);
        GridPane.setVgrow(rightScroll, javafx.scene.layout.Priority.ALWAYS);
        left.currentParagraphProperty().addListener((o, a, b) -> selectAtCaret(left));
        right.currentParagraphProperty().addListener((o, a, b) -> selectAtCaret(right));

        leftTitle.textProperty().bind(vm.leftTitleProperty());
        rightTitle.textProperty().bind(vm.rightTitleProperty());
        changeCount.textProperty().bind(vm.summaryProperty());
        currentChange.textProperty().bind(vm.currentChangeTextProperty());
        comparing.visibleProperty().bind(vm.loadingProperty());
        compareNotes.textProperty().bind(vm.notesProperty());
        compareNotes.visibleProperty().bind(vm.notesProperty().isNotEmpty());
        compareNotes.managedProperty().bind(compareNotes.visibleProperty());
        compareError.textProperty().bind(vm.errorProperty());
        compareError.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        compareError.managedProperty().bind(compareError.visibleProperty());
        identicalBanner.setVisible(false);
        identicalBanner.managedProperty().bind(identicalBanner.visibleProperty());
        ignoreWhitespace.selectedProperty().bindBidirectional(vm.ignoreTrailingWhitespaceProperty());
        previousChangeButton.disableProperty().bind(vm.canPreviousProperty().not());
        nextChangeButton.disableProperty().bind(vm.canNextProperty().not());

        configSummary.textProperty().bind(vm.configSummaryProperty());
        configTable.setItems(vm.configChanges());
        configTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        configKeyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().key()));
        configKindColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().kind()));
        configKindColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ConfigChange.Kind kind, boolean empty) {
                super.updateItem(kind, empty);
                getStyleClass().removeIf(s -> s.startsWith("config-"));
                setText(empty || kind == null ? null : kind.label());
                if (!empty && kind != null) {
                    getStyleClass().add("config-" + kind.name().toLowerCase());
                }
            }
        });
        configOldColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().oldValue()));
        configNewColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().newValue()));
        vm.configChanges().addListener((javafx.collections.ListChangeListener<ConfigChange>) ch ->
                configTab.setText("Configuration (" + vm.configChanges().size() + ")"));

        vm.comparisonProperty().addListener((o, a, c) -> render(c));
        vm.currentChangeProperty().addListener((o, a, i) -> showCurrent());
    }

    /** Puts the keyboard focus on the newer side, so F7 and the arrow keys work at once. */
    public void focus() {
        right.requestFocus();
    }

    /** Starts the comparison; the result renders when it arrives. */
    public void load() {
        vm.load();
    }

    private void render(VersionComparison c) {
        if (c == null) {
            return;
        }
        identicalBanner.setVisible(c.identical());
        identicalText.setText(c.identical() ? "Versions are identical" : "");
        long gen = ++shown;
        // building the styled text of 10,000 rows is pure work: keep it off the FX thread too
        BackgroundTask.wrap(() -> new SideContent[] {SideContent.left(c.sql()), SideContent.right(c.sql())})
                .titled("Rendering comparison")
                .onSuccess(sides -> {
                    if (gen == shown) {
                        left.show(sides[0]);
                        right.show(sides[1]);
                        focusIfOutside();
                    }
                })
                .executeWith(ctx);
    }

    private void focusIfOutside() {
        if (root.getScene() == null) {
            return;
        }
        javafx.scene.Node owner = root.getScene().getFocusOwner();
        while (owner != null && owner != root) {
            owner = owner.getParent();
        }
        if (owner == null) {
            right.requestFocus();
        }
    }

    private void showCurrent() {
        ChangeBlock b = vm.currentBlock();
        if (b != null) {
            left.markCurrent(b.index(), b.firstRow(), b.endRow());
            right.markCurrent(b.index(), b.firstRow(), b.endRow());
        }
    }

    private void selectAtCaret(DiffSideArea area) {
        if (area.isFocused()) {
            int change = area.changeAtCaret();
            if (change >= 0 && change != vm.currentChangeProperty().get()) {
                vm.select(change);
            }
        }
    }

    private void onKey(KeyEvent e) {
        if (NEXT.match(e) || NEXT_ALT.match(e)) {
            e.consume();
            vm.next();
        } else if (PREVIOUS.match(e) || PREVIOUS_ALT.match(e)) {
            e.consume();
            vm.previous();
        }
    }

    @FXML
    void onNext() {
        vm.next();
    }

    @FXML
    void onPrevious() {
        vm.previous();
    }
}
