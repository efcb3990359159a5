package io.streamdesk.ui.compare;

import io.streamdesk.service.compare.ChangeBlock;
import io.streamdesk.service.compare.CompareOptions;
import io.streamdesk.service.compare.ConfigChange;
import io.streamdesk.service.compare.VersionComparison;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A comparison of two sides of a job (V3): computed in the background (V5: large texts never block the UI), then
 * navigated change by change. The current change is -1 until the user steps to one.
 */
public final class ComparisonViewModel {
    private final String title;
    private final Function<CompareOptions, VersionComparison> work;
    private final UiContext ctx;

    private final ReadOnlyObjectWrapper<VersionComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper leftTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rightTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Comparing…");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper currentChange = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper currentChangeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper configSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<ConfigChange> configChanges = FXCollections.observableArrayList();
    // one wrapper for everyone: a wrapper listens to the list weakly, so a fresh one per call could lose listeners
    private final ObservableList<ConfigChange> configChangesView = FXCollections.unmodifiableObservableList(configChanges);
    private final BooleanProperty ignoreTrailingWhitespace = new SimpleBooleanProperty(false);
    private final ReadOnlyIntegerWrapper changeCount = new ReadOnlyIntegerWrapper(0);
    private final BooleanBinding canNext;
    private final BooleanBinding canPrevious;
    private long generation;

    public ComparisonViewModel(String title, Function<CompareOptions, VersionComparison> work, UiContext ctx) {
        this.title = title;
        this.work = work;
        this.ctx = ctx;
        canNext = Bindings.createBooleanBinding(() -> currentChange.get() < changeCount.get() - 1,
                currentChange, changeCount);
        canPrevious = Bindings.createBooleanBinding(() -> currentChange.get() > 0, currentChange);
        ignoreTrailingWhitespace.addListener((o, a, b) -> load());
    }

    // ---- properties ----

    /** Tab title, e.g. "v1 ↔ v2". */
    public String title() {
        return title;
    }

    public ReadOnlyObjectProperty<VersionComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty leftTitleProperty() {
        return leftTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rightTitleProperty() {
        return rightTitle.getReadOnlyProperty();
    }

    /** "3 changes (+4 −2 ~1 lines)" or "Versions are identical". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the comparison ignored or simplified (line endings, moves, long lines), one per line. */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty currentChangeProperty() {
        return currentChange.getReadOnlyProperty();
    }

    /** "Change 2 of 3 — Changed: line 4 → line 4". */
    public ReadOnlyStringProperty currentChangeTextProperty() {
        return currentChangeText.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty changeCountProperty() {
        return changeCount.getReadOnlyProperty();
    }

    public ObservableList<ConfigChange> configChanges() {
        return configChangesView;
    }

    /** "2 configuration keys differ" / "Configuration is identical". */
    public ReadOnlyStringProperty configSummaryProperty() {
        return configSummary.getReadOnlyProperty();
    }

    public BooleanProperty ignoreTrailingWhitespaceProperty() {
        return ignoreTrailingWhitespace;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canPreviousProperty() {
        return canPrevious;
    }

    /** The current change block, or null. */
    public ChangeBlock currentBlock() {
        VersionComparison c = comparison.get();
        int i = currentChange.get();
        return c == null || i < 0 || i >= c.sql().changeCount() ? null : c.sql().changes().get(i);
    }

    // ---- commands ----

    /** Computes the comparison in the background; a newer load wins over an older one still running. */
    public void load() {
        long gen = ++generation;
        CompareOptions options = new CompareOptions(ignoreTrailingWhitespace.get());
        BackgroundTask.wrap(() -> work.apply(options))
                .titled("Comparing versions")
                .onRunning(() -> {
                    loading.set(true);
                    error.set("");
                })
                .onSuccess(c -> {
                    if (gen == generation) {
                        show(c);
                    }
                })
                .onFailure(e -> {
                    if (gen == generation) {
                        error.set("Could not compare: " + e.getMessage());
                        summary.set("");
                    }
                })
                .onFinished(() -> {
                    if (gen == generation) {
                        loading.set(false);
                    }
                })
                .executeWith(ctx);
    }

    public void next() {
        if (canNext.get()) {
            select(currentChange.get() + 1);
        }
    }

    public void previous() {
        if (canPrevious.get()) {
            select(currentChange.get() - 1);
        }
    }

    /** Selects the change block {@code index} (e.g. from a click on a changed row). */
    public void select(int index) {
        if (index >= 0 && index < changeCount.get()) {
            currentChange.set(index);
            currentChangeText.set(describeCurrent());
        }
    }

    void show(VersionComparison c) {
        leftTitle.set(c.leftTitle());
        rightTitle.set(c.rightTitle());
        currentChange.set(-1);
        comparison.set(c);
        changeCount.set(c.sql().changeCount());
        summary.set(summarize(c));
        notes.set(String.join("\n", c.sql().notes()));
        configChanges.setAll(c.configuration().changes());
        int keys = c.configuration().changes().size();
        configSummary.set(keys == 0 ? "Configuration is identical (" + c.configuration().unchanged() + " keys)"
                : keys + (keys == 1 ? " configuration key differs" : " configuration keys differ"));
        currentChangeText.set(c.sql().identical() ? "" : "F7 goes to the first change");
    }

    private String describeCurrent() {
        ChangeBlock b = currentBlock();
        return b == null ? "" : "Change " + (b.index() + 1) + " of " + changeCount.get() + " — " + b.describe();
    }

    static String summarize(VersionComparison c) {
        var sql = c.sql();
        if (c.identical()) {
            return "Versions are identical";
        }
        if (sql.identical()) {
            return "SQL is identical; the configuration differs";
        }
        int n = sql.changeCount();
        List<String> parts = new java.util.ArrayList<>();
        if (sql.addedLines() > 0) {
            parts.add("+" + sql.addedLines());
        }
        if (sql.removedLines() > 0) {
            parts.add("−" + sql.removedLines());
        }
        if (sql.changedLines() > 0) {
            parts.add("~" + sql.changedLines());
        }
        return n + (n == 1 ? " change" : " changes") + " (" + String.join(" ", parts) + " lines)";
    }
}
