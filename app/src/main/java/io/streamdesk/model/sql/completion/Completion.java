package io.streamdesk.model.sql.completion;

import java.util.List;

/**
 * The answer to a completion request: the items, best first, and the range {@code [replaceStart, replaceEnd)} of the
 * script that the chosen item's insert text replaces (the typed prefix, or a whole option literal).
 * {@code prefix} is what the items were matched against; {@code context} names the place for tests and the popup.
 */
public record Completion(int replaceStart, int replaceEnd, String prefix, Context context, List<CompletionItem> items) {

    /** Where in a statement the caret was, as far as completion cares. */
    public enum Context {
        /** In a comment, a quoted name, or a literal that is not an option: nothing is proposed. */
        NONE,
        /** Start of a statement or after a clause: keywords. */
        KEYWORD,
        /** After FROM, JOIN, INTO, TABLE: tables, views, catalogs, databases. */
        TABLE,
        /** After {@code catalog.}: its databases. */
        DATABASE,
        /** In a select list, a condition, GROUP BY, ORDER BY: columns of the statement's tables, functions. */
        EXPRESSION,
        /** After {@code alias.} or {@code table.} of a known table: its columns. */
        COLUMN,
        /** An option key inside {@code WITH ( ... )}. */
        OPTION_KEY,
        /** An option value inside {@code WITH ( ... )}: connectors after 'connector' =, formats after 'format' =. */
        OPTION_VALUE
    }

    public Completion {
        items = List.copyOf(items);
        if (replaceStart > replaceEnd) {
            throw new IllegalArgumentException("replaceStart " + replaceStart + " > replaceEnd " + replaceEnd);
        }
    }

    public static Completion none(int caret) {
        return new Completion(caret, caret, "", Context.NONE, List.of());
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
