package io.streamdesk.ui.editor;

import io.streamdesk.model.sql.SqlLexer;
import io.streamdesk.model.sql.completion.Completion;
import io.streamdesk.model.sql.completion.CompletionItem;
import io.streamdesk.service.completion.CompletionService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.Scheduler;
import io.streamdesk.ui.task.UiContext;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the editor's completion popup (E2): the proposals for the caret, the selected one, and whether the popup
 * shows. Ctrl+Space asks at once; typing a '.' or the second letter of a word asks after a short pause
 * ({@link #AUTO_DELAY}); while the popup shows, each typed letter asks again. Requests run in the background (a
 * request reads the script, which for a long one costs more than a frame) and only the newest answer is shown.
 * Call it on the UI thread.
 */
public final class CompletionViewModel {
    /** The pause after a keystroke before an automatic request. */
    public static final Duration AUTO_DELAY = Duration.ofMillis(150);
    /** The pause while the popup shows: short, the list follows the typing. */
    public static final Duration FOLLOW_DELAY = Duration.ofMillis(40);
    /** Letters of a word before the popup opens by itself. */
    public static final int AUTO_LETTERS = 2;

    /** An edit for the view to apply: replace {@code [start, end)} with {@code text}, then put the caret there. */
    public record Edit(int start, int end, String text, int caret) {
    }

    /** Reads what a request needs from the editor: the whole text and the caret (on the UI thread). */
    public interface Source {
        String text();

        int caret();
    }

    private final UiContext ctx;
    private final ObservableList<CompletionItem> items = FXCollections.observableArrayList();
    private final ObservableList<CompletionItem> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
    private Supplier<CompletionService> service = () -> null;
    private io.streamdesk.model.JobId job;
    private Scheduler.Cancellable pending;
    /** Increases with every request and dismissal: an answer for an older one is dropped. */
    private long generation;
    private Completion shown;
    /** The caret the shown answer was computed for. */
    private int shownCaret;

    public CompletionViewModel(UiContext ctx) {
        this.ctx = ctx;
    }

    /** Where proposals come from (the services, once they are open); none before. */
    public void useService(Supplier<CompletionService> source) {
        useService(source, null);
    }

    /** As {@link #useService(Supplier)}, for the editor of {@code jobOrNull}: its own connector jars count too. */
    public void useService(Supplier<CompletionService> source, io.streamdesk.model.JobId jobOrNull) {
        this.service = source;
        this.job = jobOrNull;
        CompletionService s = source.get();
        if (s != null) {
            // Flink's vocabulary, the catalog's index and the job's jars, read before the first keystroke needs them
            BackgroundTask.wrap(() -> {
                if (jobOrNull == null) {
                    s.prepare();
                } else {
                    s.prepare(jobOrNull);
                }
            }).executeWith(ctx);
        }
    }

    // ---- properties ----

    public ObservableList<CompletionItem> items() {
        return itemsView;
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public boolean isShowing() {
        return showing.get();
    }

    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Where the shown proposals' text starts (the popup is placed there); -1 when none shows. */
    public int anchor() {
        return shown == null ? -1 : shown.replaceStart();
    }

    // ---- commands ----

    /** Ctrl+Space: ask now, and show the answer even for an empty prefix. */
    public void requestNow(Source source) {
        cancelPending();
        request(source.text(), source.caret());
    }

    /**
     * A character was typed; {@code lineBeforeCaret} is the caret's line up to the caret (cheap to read, unlike the
     * whole script). Opens the popup after a pause for '.' or a word's second letter; follows the typing while it
     * shows; closes it on anything else.
     */
    public void typed(char c, String lineBeforeCaret, Source source) {
        boolean wordPart = SqlLexer.isWordPart(c);
        if (showing.get()) {
            if (wordPart || c == '.' || c == '-' || c == '\'') {
                schedule(FOLLOW_DELAY, source);
            } else {
                dismiss();
            }
            return;
        }
        if (c == '.' || (wordPart && trailingWordLength(lineBeforeCaret) >= AUTO_LETTERS
                && !startsWithDigit(lineBeforeCaret))) {
            schedule(AUTO_DELAY, source);
        } else {
            cancelPending();
        }
    }

    /** A deletion (Backspace): the list follows while it shows. */
    public void deleted(Source source) {
        if (showing.get()) {
            schedule(FOLLOW_DELAY, source);
        }
    }

    /** The caret moved by itself (a click, the arrow keys): a popup left behind closes. */
    public void caretMoved(int caret) {
        if (showing.get() && (caret < shown.replaceStart() || caret > shownCaret + 64)) {
            dismiss();
        }
    }

    public void moveSelection(int delta) {
        if (!showing.get() || items.isEmpty()) {
            return;
        }
        int next = Math.floorMod(selected.get() + delta, items.size());
        selected.set(next);
    }

    public void select(int index) {
        if (index >= 0 && index < items.size()) {
            selected.set(index);
        }
    }

    /**
     * Enter or Tab: the edit that puts the selected proposal in, for a caret at {@code caretNow} (typing may have
     * gone on while the answer was computed); empty when nothing shows. Closes the popup.
     */
    public Optional<Edit> accept(int caretNow) {
        if (!showing.get() || selected.get() < 0 || selected.get() >= items.size()) {
            dismiss();
            return Optional.empty();
        }
        CompletionItem item = items.get(selected.get());
        int delta = caretNow - shownCaret;
        int start = shown.replaceStart();
        int end = Math.max(caretNow, shown.replaceEnd() + delta);
        dismiss();
        if (caretNow < start) {
            return Optional.empty();
        }
        String text = item.insertText();
        return Optional.of(new Edit(start, end, text, start + text.length() - item.caretBack()));
    }

    public void dismiss() {
        cancelPending();
        generation++;
        shown = null;
        items.clear();
        selected.set(-1);
        showing.set(false);
    }

    public void dispose() {
        dismiss();
    }

    // ---- work ----

    private void schedule(Duration delay, Source source) {
        cancelPending();
        pending = ctx.scheduler().schedule(delay, () -> {
            pending = null;
            request(source.text(), source.caret());
        });
    }

    private void request(String text, int caret) {
        CompletionService s = service.get();
        if (s == null) {
            return;
        }
        long mine = ++generation;
        io.streamdesk.model.JobId forJob = job;
        BackgroundTask.wrap(() -> forJob == null ? s.complete(text, caret) : s.complete(text, caret, forJob))
                .onSuccess(result -> {
                    if (mine == generation) {
                        show(result, caret);
                    }
                })
                .onFailure(e -> org.slf4j.LoggerFactory.getLogger(CompletionViewModel.class)
                        .warn("Completion failed at offset {}", caret, e))
                .executeWith(ctx);
        if (s.isStale()) {
            // the catalog may have changed (a table added in the Metadata pane): the next request sees it
            BackgroundTask.wrap(() -> {
                if (forJob == null) {
                    s.refresh();
                } else {
                    s.refresh(forJob);
                }
            }).executeWith(ctx);
        }
    }

    private void show(Completion result, int caret) {
        if (result.isEmpty()) {
            dismiss();
            return;
        }
        shown = result;
        shownCaret = caret;
        items.setAll(result.items());
        selected.set(0);
        showing.set(true);
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private static int trailingWordLength(String line) {
        int i = line.length();
        while (i > 0 && SqlLexer.isWordPart(line.charAt(i - 1))) {
            i--;
        }
        return line.length() - i;
    }

    /** {@code 12} is a number being typed, not a word. */
    private static boolean startsWithDigit(String line) {
        int i = line.length();
        while (i > 0 && SqlLexer.isWordPart(line.charAt(i - 1))) {
            i--;
        }
        return i < line.length() && Character.isDigit(line.charAt(i));
    }
}
