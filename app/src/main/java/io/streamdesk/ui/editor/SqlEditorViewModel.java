package io.streamdesk.ui.editor;

import io.streamdesk.model.Draft;
import io.streamdesk.model.JobId;
import io.streamdesk.model.SqlProblem;
import io.streamdesk.service.JobService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of one job's SQL editor: the text as typed, what is saved, autosave, and the problems of the last check.
 * The view reports every edit with {@link #onTextEdited}; the view model never pushes text back except the draft
 * it loaded ({@link #loadedTextProperty()}), so the editor's own undo history stays intact. Call it on the UI thread.
 */
public final class SqlEditorViewModel {
    public static final Duration AUTOSAVE_QUIET = Duration.ofMillis(1000);
    public static final Duration AUTOSAVE_MAX_WAIT = Duration.ofMillis(1500);

    private final JobId jobId;
    private final JobService jobs;
    private final UiContext ctx;
    private final AutosaveDebouncer autosave;
    private final StoreAsSecretViewModel secrets;
    private final CompletionViewModel completion;

    private final ReadOnlyObjectWrapper<String> loadedText = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper checkSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper("");
    private final ObservableList<SqlProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<SqlProblem> problemsView = FXCollections.unmodifiableObservableList(problems);

    private String currentText = "";
    /** Reads the editor's text when an edit was reported lazily; null when {@link #currentText} is up to date. */
    private Supplier<String> unreadText;
    private String savedText = "";
    private boolean saveAgain;

    public SqlEditorViewModel(JobId jobId, JobService jobs, UiContext ctx) {
        this.jobId = jobId;
        this.jobs = jobs;
        this.ctx = ctx;
        this.autosave = new AutosaveDebouncer(ctx.scheduler(), AUTOSAVE_QUIET, AUTOSAVE_MAX_WAIT, this::save);
        this.secrets = new StoreAsSecretViewModel(jobId, jobs, ctx);
        this.completion = new CompletionViewModel(ctx);
    }

    /** The completion popup's state (E2); proposals once {@link CompletionViewModel#useService} was called. */
    public CompletionViewModel completion() {
        return completion;
    }

    /** "Store as secret" for plain passwords in the script (S2). */
    public StoreAsSecretViewModel secrets() {
        return secrets;
    }

    // ---- properties ----

    /** The saved draft once loaded (null before); the view puts it into the editor. */
    public ReadOnlyObjectProperty<String> loadedTextProperty() {
        return loadedText.getReadOnlyProperty();
    }

    /** Typed text that is not committed yet: the tab shows "•". */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** "No problems", "2 problems", "Checking…", or empty before the first check. */
    public ReadOnlyStringProperty checkSummaryProperty() {
        return checkSummary.getReadOnlyProperty();
    }

    /** Why the last save failed; empty when it did not. */
    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    public ObservableList<SqlProblem> problems() {
        return problemsView;
    }

    /** The text as typed (on the UI thread: it may read the editor). */
    public String currentText() {
        if (unreadText != null) {
            currentText = unreadText.get();
            unreadText = null;
        }
        return currentText;
    }

    public boolean isAutosavePending() {
        return autosave.isPending();
    }

    // ---- commands ----

    public void load() {
        BackgroundTask.wrap(() -> jobs.draft(jobId))
                .titled("Loading draft")
                .onSuccess((Optional<Draft> d) -> {
                    String sql = d.map(Draft::sql).orElse("");
                    savedText = sql;
                    currentText = sql;
                    unreadText = null;
                    dirty.set(false);
                    loadedText.set(sql);
                })
                .onFailure(e -> saveError.set("Could not load the draft: " + e.getMessage()))
                .executeWith(ctx);
    }

    /**
     * An edit whose text is read only when needed (a save, a check, a publish): reading a 10,000-line script out of
     * the editor and comparing it costs milliseconds, too much for every keystroke (E5). Marks the editor dirty even
     * if the edit went back to the saved text; the next autosave finds that out and clears the mark.
     */
    public void onTextEdited(Supplier<String> text) {
        unreadText = text;
        dirty.set(true);
        autosave.edited();
    }

    public void onTextEdited(String text) {
        unreadText = null;
        currentText = text;
        boolean changed = !text.equals(savedText);
        dirty.set(changed);
        if (changed) {
            autosave.edited();
        } else {
            autosave.cancel();
        }
    }

    /** Saves now (Ctrl+S, autosave). One save at a time, so an older text can never overwrite a newer one. */
    public void save() {
        autosave.reset();
        if (saving.get()) {
            saveAgain = true;
            return;
        }
        if (currentText().equals(savedText)) {
            dirty.set(false);
            return;
        }
        String snapshot = currentText;
        BackgroundTask.wrap(() -> jobs.saveDraft(jobId, snapshot))
                .titled("Saving draft")
                .onRunning(() -> saving.set(true))
                .onSuccess(d -> {
                    savedText = snapshot;
                    saveError.set("");
                })
                .onFailure(e -> saveError.set("Not saved: " + e.getMessage()))
                .onFinished(this::afterSave)
                .executeWith(ctx);
    }

    /** The text was committed by another path (publish saves first). */
    public void markSaved(String text) {
        savedText = text;
        dirty.set(!currentText().equals(savedText));
        if (!dirty.get()) {
            autosave.reset();
        }
    }

    public void check() {
        String snapshot = currentText();
        BackgroundTask.wrap(() -> jobs.check(jobId, snapshot))
                .titled("Checking SQL")
                .onRunning(() -> {
                    checking.set(true);
                    checkSummary.set("Checking…");
                })
                .onSuccess(this::showProblems)
                .onFailure(e -> checkSummary.set("Check failed: " + e.getMessage()))
                .onFinished(() -> checking.set(false))
                .executeWith(ctx);
    }

    /** Problems from elsewhere (a refused publish) are shown the same way as a check's. */
    public void showProblems(List<SqlProblem> found) {
        problems.setAll(found);
        checkSummary.set(found.isEmpty() ? "No problems" : found.size() + (found.size() == 1 ? " problem" : " problems"));
    }

    /** Markers of the current problems against {@code text}. */
    public List<ProblemMarkers.Marker> markers(String text) {
        return ProblemMarkers.markers(text, problems);
    }

    public void dispose() {
        autosave.cancel();
        secrets.dispose();
        completion.dispose();
    }

    private void afterSave() {
        saving.set(false);
        dirty.set(!currentText().equals(savedText));
        if (saveAgain) {
            saveAgain = false;
            save();
        } else if (dirty.get() && !autosave.isPending() && saveError.get().isEmpty()) {
            autosave.edited();
        }
    }
}
