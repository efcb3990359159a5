package io.streamdesk.model.sql.completion;

import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.sql.SqlLexer;
import io.streamdesk.model.sql.SqlLexer.Kind;
import io.streamdesk.model.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A script read once by {@link SqlLexer} for completion: its lexemes (comments apart, so that a comment between two
 * words does not split a clause), where its statements end, and the tables and views its own DDL creates with their
 * columns. Completion asks it again only when the text changed (a caret move reuses it).
 */
final class ScriptAnalysis {
    private static final Set<String> NOT_A_COLUMN = Set.of("PRIMARY", "WATERMARK", "CONSTRAINT", "LIKE", "PERIOD",
            "UNIQUE", "INDEX");
    private static final Set<String> END_OF_TYPE = Set.of("COMMENT", "METADATA", "PRIMARY", "CONSTRAINT", "VIRTUAL");
    private static final int LONGEST_TYPE = 60;

    /** A table or view the script creates; {@code parts} as written ({@code [cat, db, t]} or {@code [t]}). */
    record DdlTable(List<String> parts, CompletionKind kind, List<MetadataColumn> columns, List<List<String>> starFrom) {
        String name() {
            return parts.get(parts.size() - 1);
        }

        String written() {
            return String.join(".", parts);
        }
    }

    /** A table named after FROM or JOIN, with its alias (or null). */
    record TableRef(List<String> parts, String alias) {
    }

    final String text;
    /** Every lexeme but comments. */
    final List<Token> tokens;
    /** Every comment, in order, to tell when the caret sits in one. */
    final List<Token> comments;
    final List<DdlTable> ddl;

    private ScriptAnalysis(String text) {
        this.text = text;
        List<Token> all = SqlLexer.tokenize(text);
        List<Token> code = new ArrayList<>(all.size());
        List<Token> notes = new ArrayList<>();
        for (Token t : all) {
            (t.kind() == Kind.COMMENT ? notes : code).add(t);
        }
        this.tokens = code;
        this.comments = notes;
        this.ddl = readDdl();
    }

    static ScriptAnalysis of(String text) {
        return new ScriptAnalysis(text);
    }

    // ---- lexeme helpers ----

    String text(int i) {
        return tokens.get(i).text(text);
    }

    boolean isWord(int i, String upper) {
        if (i < 0 || i >= tokens.size()) {
            return false;
        }
        Token t = tokens.get(i);
        return t.isWord() && t.end() - t.start() == upper.length() && text(i).toUpperCase(Locale.ROOT).equals(upper);
    }

    boolean isChar(int i, char c) {
        if (i < 0 || i >= tokens.size()) {
            return false;
        }
        Token t = tokens.get(i);
        return t.end() - t.start() == 1 && text.charAt(t.start()) == c
                && (t.kind() == Kind.OTHER || t.kind() == Kind.BRACKET || t.kind() == Kind.SEMICOLON);
    }

    boolean isName(int i) {
        if (i < 0 || i >= tokens.size()) {
            return false;
        }
        Kind k = tokens.get(i).kind();
        return k == Kind.WORD || k == Kind.KEYWORD || k == Kind.IDENTIFIER_QUOTED;
    }

    /** A name as Flink reads it: quotes removed (doubled quotes undone). */
    String name(int i) {
        Token t = tokens.get(i);
        String s = t.text(text);
        if (t.kind() == Kind.IDENTIFIER_QUOTED && s.length() >= 2) {
            char q = s.charAt(0);
            String inner = s.endsWith(String.valueOf(q)) ? s.substring(1, s.length() - 1) : s.substring(1);
            return inner.replace(String.valueOf(q) + q, String.valueOf(q));
        }
        return s;
    }

    /** The content of a literal {@code 'x'} at {@code i}, lower-cased. */
    String literal(int i) {
        String s = text(i);
        String inner = s.length() >= 2 && s.endsWith("'") ? s.substring(1, s.length() - 1) : s.substring(1);
        return inner.replace("''", "'").toLowerCase(Locale.ROOT);
    }

    /** Index of the first lexeme starting at or after {@code offset}. */
    int firstAtOrAfter(int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the bracket closing the one opened at {@code open}, or the end of the statement. */
    int closing(int open, int limit) {
        int depth = 0;
        for (int i = open; i < limit; i++) {
            if (isChar(i, '(')) {
                depth++;
            } else if (isChar(i, ')')) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return limit;
    }

    /** The first lexeme of the statement that holds lexeme index {@code i} (after the last ';' before it). */
    int statementStart(int i) {
        for (int j = Math.min(i, tokens.size()) - 1; j >= 0; j--) {
            if (tokens.get(j).kind() == Kind.SEMICOLON) {
                return j + 1;
            }
        }
        return 0;
    }

    int statementEnd(int i) {
        for (int j = Math.max(i, 0); j < tokens.size(); j++) {
            if (tokens.get(j).kind() == Kind.SEMICOLON) {
                return j;
            }
        }
        return tokens.size();
    }

    /** Reads {@code a.b.c} from {@code i}; the parts into {@code out}; returns the index after the name. */
    int readName(int i, int limit, List<String> out) {
        if (i >= limit || !isName(i)) {
            return i;
        }
        out.add(name(i));
        i++;
        while (i + 1 < limit && isChar(i, '.') && isName(i + 1)) {
            out.add(name(i + 1));
            i += 2;
        }
        return i;
    }

    // ---- table references of a statement ----

    /** The tables after FROM and JOIN (and TABLE inside a window function) in {@code [from, to)}, with aliases. */
    List<TableRef> tableRefs(int from, int to) {
        List<TableRef> refs = new ArrayList<>();
        for (int i = from; i < to; i++) {
            boolean start = isWord(i, "FROM") || isWord(i, "JOIN") || (isWord(i, "TABLE") && isChar(i - 1, '('));
            if (!start) {
                continue;
            }
            int j = i + 1;
            while (true) {
                List<String> parts = new ArrayList<>();
                if (isWord(j, "LATERAL") || isChar(j, '(') || isWord(j, "TABLE") || isWord(j, "UNNEST")) {
                    break;
                }
                int after = readName(j, to, parts);
                if (parts.isEmpty()) {
                    break;
                }
                j = after;
                if (isWord(j, "FOR")) { // FOR SYSTEM_TIME AS OF expr: skip to an alias we cannot find reliably
                    refs.add(new TableRef(parts, null));
                    break;
                }
                String alias = null;
                if (isWord(j, "AS") && isName(j + 1)) {
                    alias = name(j + 1);
                    j += 2;
                } else if (j < to && (tokens.get(j).kind() == Kind.WORD || tokens.get(j).kind() == Kind.IDENTIFIER_QUOTED)) {
                    alias = name(j);
                    j++;
                }
                refs.add(new TableRef(parts, alias));
                if (isChar(j, ',') && isWord(i, "FROM")) {
                    j++;
                    continue;
                }
                break;
            }
        }
        return refs;
    }

    // ---- the script's own DDL ----

    private List<DdlTable> readDdl() {
        List<DdlTable> out = new ArrayList<>();
        int n = tokens.size();
        int i = 0;
        while (i < n) {
            int end = statementEnd(i);
            DdlTable t = readCreate(i, end);
            if (t != null) {
                out.add(t);
            }
            i = end + 1;
        }
        return List.copyOf(out);
    }

    private DdlTable readCreate(int i, int end) {
        if (!isWord(i, "CREATE")) {
            return null;
        }
        i++;
        if (isWord(i, "OR") && isWord(i + 1, "REPLACE")) {
            i += 2;
        }
        if (isWord(i, "TEMPORARY")) {
            i++;
        }
        CompletionKind kind;
        if (isWord(i, "TABLE")) {
            kind = CompletionKind.TABLE;
        } else if (isWord(i, "VIEW")) {
            kind = CompletionKind.VIEW;
        } else {
            return null;
        }
        i++;
        if (isWord(i, "IF") && isWord(i + 1, "NOT") && isWord(i + 2, "EXISTS")) {
            i += 3;
        }
        List<String> parts = new ArrayList<>();
        i = readName(i, end, parts);
        if (parts.isEmpty()) {
            return null;
        }
        List<MetadataColumn> columns = new ArrayList<>();
        List<List<String>> star = new ArrayList<>();
        if (isChar(i, '(')) {
            int close = closing(i, end);
            readColumns(i + 1, close, kind == CompletionKind.TABLE, columns);
            i = close + 1;
        }
        if (columns.isEmpty()) {
            // CREATE VIEW v AS SELECT ..., CREATE TABLE t WITH (...) AS SELECT ...: the select list names the columns
            for (int j = i; j < end; j++) {
                if (isWord(j, "AS") && isWord(j + 1, "SELECT")) {
                    readSelectList(j + 2, end, columns, star);
                    break;
                }
            }
        }
        return new DdlTable(List.copyOf(parts), kind, List.copyOf(columns), List.copyOf(star));
    }

    /** {@code name TYPE ..., name AS expr, PRIMARY KEY (...), WATERMARK FOR ...} between the brackets. */
    private void readColumns(int from, int to, boolean withTypes, List<MetadataColumn> out) {
        int itemStart = from;
        int depth = 0;
        for (int i = from; i <= to; i++) {
            if (i < to && isChar(i, '(')) {
                depth++;
            } else if (i < to && isChar(i, ')')) {
                depth--;
            } else if (i == to || (depth == 0 && isChar(i, ','))) {
                if (itemStart < i && isName(itemStart) && !NOT_A_COLUMN.contains(text(itemStart).toUpperCase(Locale.ROOT))) {
                    String type = "";
                    if (withTypes) {
                        type = isWord(itemStart + 1, "AS") ? "computed" : typeText(itemStart + 1, i);
                    }
                    out.add(new MetadataColumn(name(itemStart), type));
                }
                itemStart = i + 1;
            }
        }
    }

    private String typeText(int from, int to) {
        int end = from;
        while (end < to && !(tokens.get(end).kind() == Kind.KEYWORD
                && END_OF_TYPE.contains(text(end).toUpperCase(Locale.ROOT)))) {
            end++;
        }
        if (end == from) {
            return "";
        }
        String type = text.substring(tokens.get(from).start(), tokens.get(end - 1).end()).replaceAll("\\s+", " ");
        return type.length() > LONGEST_TYPE ? type.substring(0, LONGEST_TYPE - 1) + "…" : type;
    }

    /** The names of a select list: an alias, a column's own name, or {@code *} (the columns of its FROM tables). */
    private void readSelectList(int from, int end, List<MetadataColumn> out, List<List<String>> star) {
        int depth = 0;
        int itemStart = from;
        int fromKeyword = end;
        for (int i = from; i < end; i++) {
            if (isChar(i, '(')) {
                depth++;
            } else if (isChar(i, ')')) {
                depth--;
            } else if (depth == 0 && isWord(i, "FROM")) {
                fromKeyword = i;
                break;
            }
        }
        depth = 0;
        for (int i = from; i <= fromKeyword; i++) {
            if (i < fromKeyword && isChar(i, '(')) {
                depth++;
            } else if (i < fromKeyword && isChar(i, ')')) {
                depth--;
            } else if (i == fromKeyword || (depth == 0 && isChar(i, ','))) {
                selectItem(itemStart, i, out, star, fromKeyword, end);
                itemStart = i + 1;
            }
        }
    }

    private void selectItem(int from, int to, List<MetadataColumn> out, List<List<String>> star, int fromKeyword,
                            int end) {
        if (from >= to) {
            return;
        }
        int last = to - 1;
        if (isChar(last, '*')) {
            if (last == from) {
                for (TableRef r : tableRefs(fromKeyword, end)) {
                    star.add(r.parts());
                }
            } else if (last >= from + 2 && isChar(last - 1, '.') && isName(last - 2)) {
                star.add(List.of(name(last - 2))); // t.* : resolved by alias or name later
            }
            return;
        }
        // "a", "t.a", "expr AS a", "expr a" name a column; "a + b" does not
        if (isName(last) && (last == from || isChar(last - 1, '.') || tokens.get(last - 1).kind() != Kind.OTHER)) {
            out.add(new MetadataColumn(name(last), ""));
        }
    }
}
