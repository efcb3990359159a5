package io.streamdesk.model.metadata;

import io.streamdesk.model.sql.SqlLexer;
import io.streamdesk.model.sql.SqlLexer.Kind;
import io.streamdesk.model.sql.SqlLexer.Token;

import java.util.List;
import java.util.Map;

/**
 * The WITH clause of a {@code CREATE TABLE} text, found with the app's SQL lexer (quotes and comments skipped): where
 * it is, and the same DDL with new options (M4). Everything before the clause (columns, watermark, key, comments) is
 * kept as the user wrote it.
 */
public final class TableDdlText {
    private TableDdlText() {
    }

    /** Offset of the table's WITH keyword (the one at bracket depth 0 followed by "("), or -1. */
    public static int withKeywordOffset(String ddl) {
        int[] clause = withClause(ddl);
        return clause == null ? -1 : clause[0];
    }

    /**
     * {start of WITH, index of its "(", index just past its ")"} of the last top-level {@code WITH (...)}, or null.
     * The last one: {@code LIKE other (...)} and partition clauses come before the options in Flink's grammar.
     */
    static int[] withClause(String ddl) {
        List<Token> tokens = SqlLexer.tokenize(ddl);
        int depth = 0;
        int[] found = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.BRACKET) {
                char c = ddl.charAt(t.start());
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
            } else if (depth == 0 && t.kind() == Kind.KEYWORD && "WITH".equalsIgnoreCase(t.text(ddl))) {
                int next = nextNonComment(tokens, i + 1);
                if (next >= 0 && tokens.get(next).kind() == Kind.BRACKET && ddl.charAt(tokens.get(next).start()) == '(') {
                    int close = matchingClose(ddl, tokens, next);
                    if (close >= 0) {
                        found = new int[] {t.start(), tokens.get(next).start(), tokens.get(close).end()};
                    }
                }
            }
        }
        return found;
    }

    private static int nextNonComment(List<Token> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).kind() != Kind.COMMENT) {
                return i;
            }
        }
        return -1;
    }

    private static int matchingClose(String ddl, List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != Kind.BRACKET) {
                continue;
            }
            char c = ddl.charAt(t.start());
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The DDL with its WITH clause replaced by {@code options} (in the map's order), one {@code 'key' = 'value'} a
     * line; a DDL without a WITH clause gets one at its end. A trailing {@code ;} and what follows stay.
     */
    public static String withOptions(String ddl, Map<String, String> options) {
        String clause = render(options);
        int[] at = withClause(ddl);
        if (at != null) {
            return ddl.substring(0, at[0]) + clause + ddl.substring(at[2]);
        }
        String body = ddl.stripTrailing();
        String tail = "";
        if (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).stripTrailing();
            tail = ";";
        }
        return body + "\n" + clause + tail;
    }

    static String render(Map<String, String> options) {
        StringBuilder sb = new StringBuilder("WITH (");
        int i = 0;
        for (Map.Entry<String, String> e : options.entrySet()) {
            sb.append(i++ == 0 ? "\n" : ",\n").append("  ").append(quote(e.getKey())).append(" = ")
                    .append(quote(e.getValue()));
        }
        return sb.append("\n)").toString();
    }

    /** A SQL string literal: quotes doubled, as Flink reads them. */
    public static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
