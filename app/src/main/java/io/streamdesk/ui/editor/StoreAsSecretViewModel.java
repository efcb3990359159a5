package io.streamdesk.ui.editor;

import io.streamdesk.model.JobId;
import io.streamdesk.service.JobService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Store as secret" in the SQL editor (S2): a hint while a quoted password-like option value is written in plain
 * text, and the action that puts the value into the secret store and replaces it with {@code ${secret:<id>}} as one
 * undoable edit. The text is scanned a moment after typing pauses, never per keystroke (E5). Call it on the UI thread.
 */
public final class StoreAsSecretViewModel {
    static final Duration SCAN_QUIET = Duration.ofMillis(400);
    static final Duration SCAN_MAX_WAIT = Duration.ofMillis(2000);

    private final JobId jobId;
    private final JobService jobs;
    private final UiContext ctx;
    private final AutosaveDebouncer rescan;
    private Supplier<String> text = () -> "";
    private List<PlainSecretOptions.Option> plain = List.of();
    /** True while our own replacement edit is applied: that edit does not clear the status it is about to get. */
    private boolean applying;

    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper storing = new ReadOnlyBooleanWrapper(false);

    public StoreAsSecretViewModel(JobId jobId, JobService jobs, UiContext ctx) {
        this.jobId = jobId;
        this.jobs = jobs;
        this.ctx = ctx;
        this.rescan = new AutosaveDebouncer(ctx.scheduler(), SCAN_QUIET, SCAN_MAX_WAIT, this::scanNow);
    }

    // ---- properties ----

    /** E.g. "'password' on line 3 is written in plain text."; empty when no option is. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** What the last action did or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty storingProperty() {
        return storing.getReadOnlyProperty();
    }

    /** The plain-text options found by the last scan. */
    public List<PlainSecretOptions.Option> plainOptions() {
        return plain;
    }

    // ---- commands ----

    /** The editor's text changed (or was loaded); {@code current} reads it when the scan runs. */
    public void textChanged(Supplier<String> current) {
        this.text = current;
        if (!applying) {
            status.set(""); // the user edits on: the last action's outcome is history
        }
        rescan.edited();
    }

    /** Scans at once (after loading a draft, and in tests). */
    public void scanNow() {
        rescan.reset();
        String t = text.get();
        plain = PlainSecretOptions.find(t);
        if (plain.isEmpty()) {
            hint.set("");
            return;
        }
        PlainSecretOptions.Option first = plain.get(0);
        String where = "'" + first.key() + "' on line " + (first.line() + 1);
        hint.set(plain.size() == 1 ? where + " is written in plain text."
                : where + " and " + (plain.size() - 1) + " more option(s) are written in plain text.");
    }

    /** The option "Store as secret" would act on with the caret at {@code caret}: the one there, else the first. */
    public Optional<PlainSecretOptions.Option> target(String current, int caret) {
        List<PlainSecretOptions.Option> options = PlainSecretOptions.find(current);
        Optional<PlainSecretOptions.Option> here = PlainSecretOptions.at(options, current, caret);
        return here.isPresent() ? here : options.stream().findFirst();
    }

    /** Whether the caret is in (or on the line of) a plain password value: the context menu's item is for that. */
    public boolean canStoreAt(String current, int caret) {
        return PlainSecretOptions.at(PlainSecretOptions.find(current), current, caret).isPresent();
    }

    /**
     * Stores the value of {@code option} in the background, then hands {@code apply} the edit that replaces it with
     * the reference, unless the text there changed meanwhile. {@code current} reads the editor's text at that moment.
     */
    public void store(PlainSecretOptions.Option option, Supplier<String> current, Consumer<EditorCommands.Edit> apply) {
        if (storing.get()) {
            return;
        }
        BackgroundTask.wrap(() -> jobs.sqlSecrets().storeAsSecret(jobId, option.key(), option.writtenValue()))
                .titled("Storing a secret")
                .onRunning(() -> storing.set(true))
                .onSuccess(reference -> {
                    String now = current.get();
                    if (option.valueEnd() > now.length()
                            || !now.substring(option.valueStart(), option.valueEnd()).equals(option.writtenValue())) {
                        status.set("The text changed while the secret was stored: select the value again and retry.");
                        return;
                    }
                    applying = true;
                    try {
                        apply.accept(new EditorCommands.Edit(option.valueStart(), option.valueEnd(), reference));
                    } finally {
                        applying = false;
                    }
                    status.set("'" + option.key() + "' is now " + reference + ": the value is in the secret store, "
                            + "the SQL keeps the reference. Undo (Ctrl+Z) puts the text back.");
                    text = current;
                    scanNow();
                })
                .onFailure(e -> status.set("Not stored: " + e.getMessage()))
                .onFinished(() -> storing.set(false))
                .executeWith(ctx);
    }

    public void dispose() {
        rescan.cancel();
    }
}
