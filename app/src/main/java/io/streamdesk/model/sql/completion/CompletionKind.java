package io.streamdesk.model.sql.completion;

/** What a completion item is; the popup shows it next to the item. */
public enum CompletionKind {
    KEYWORD("keyword"),
    FUNCTION("function"),
    CATALOG("catalog"),
    DATABASE("database"),
    TABLE("table"),
    VIEW("view"),
    COLUMN("column"),
    OPTION("option"),
    CONNECTOR("connector"),
    FORMAT("format");

    private final String label;

    CompletionKind(String label) {
        this.label = label;
    }

    /** The word the popup shows ("table", "column"). */
    public String label() {
        return label;
    }
}
