package io.streamdesk.model.sql.completion;

import java.util.Objects;

/**
 * One proposal: {@code label} is what the popup lists and what the typed prefix is matched against,
 * {@code insertText} replaces the prefix (a qualified table name, a quoted option key, {@code UPPER()}),
 * {@code detail} is the type of a column or where a table lives, and {@code caretBack} how many characters before
 * the end of the inserted text the caret goes (1 to land between the brackets of a function).
 */
public record CompletionItem(String label, String insertText, CompletionKind kind, String detail, int caretBack) {
    public CompletionItem {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(insertText, "insertText");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
        if (caretBack < 0 || caretBack > insertText.length()) {
            throw new IllegalArgumentException("caretBack " + caretBack + " outside the inserted text");
        }
    }

    public CompletionItem(String label, CompletionKind kind, String detail) {
        this(label, label, kind, detail, 0);
    }
}
