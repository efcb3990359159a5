package io.streamdesk.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small, forgiving Flink SQL tokenizer for highlighting: keywords, strings, quoted identifiers, comments and
 * numbers. It never fails on broken input (an unterminated string runs to the end), because it runs on every
 * keystroke over half-typed text.
 */
public final class SqlLexer {

    public enum Kind { KEYWORD, STRING, IDENTIFIER_QUOTED, COMMENT, NUMBER, BRACKET, SEMICOLON }

    /** A highlighted range {@code [start, end)} of the text. */
    public record Token(Kind kind, int start, int end) {
    }

    static final Set<String> KEYWORDS = Set.of(
            "ADD", "ALL", "ALTER", "AND", "ANY", "ARRAY", "AS", "ASC", "AT", "BEGIN", "BETWEEN", "BIGINT", "BINARY",
            "BOOLEAN", "BOTH", "BY", "BYTES", "CALL", "CASE", "CAST", "CATALOG", "CATALOGS", "CHAR", "CHECK",
            "COLUMN", "COMMENT", "COMPUTED", "CONSTRAINT", "CREATE", "CROSS", "CUBE", "CURRENT", "DATABASE",
            "DATABASES", "DATE", "DAY", "DECIMAL", "DECLARE", "DEFAULT", "DELETE", "DESC", "DESCRIBE", "DISTINCT",
            "DOUBLE", "DROP", "ELSE", "END", "ENFORCED", "ESCAPE", "EXCEPT", "EXECUTE", "EXISTS", "EXPLAIN",
            "EXTENDED", "FALSE", "FETCH", "FILTER", "FIRST", "FLOAT", "FOR", "FROM", "FULL", "FUNCTION", "FUNCTIONS",
            "GROUP", "GROUPING", "HAVING", "HOP", "HOUR", "IF", "IN", "INNER", "INSERT", "INT", "INTEGER",
            "INTERSECT", "INTERVAL", "INTO", "IS", "JAR", "JOIN", "KEY", "LAST", "LATERAL", "LEADING", "LEFT",
            "LIKE", "LIMIT", "LOAD", "MAP", "MATCH_RECOGNIZE", "MEASURES", "METADATA", "MINUTE", "MODULE", "MONTH",
            "MULTISET", "NATURAL", "NOT", "NULL", "NULLS", "OF", "OFFSET", "ON", "OR", "ORDER", "OUTER", "OVER",
            "OVERWRITE", "PARTITION", "PARTITIONED", "PATTERN", "PRIMARY", "RANGE", "RAW", "RENAME", "REPLACE",
            "RESET", "RIGHT", "ROLLUP", "ROW", "ROWS", "SECOND", "SELECT", "SESSION", "SET", "SHOW", "SMALLINT",
            "STATEMENT", "STRING", "SYSTEM_TIME", "TABLE", "TABLES", "TEMPORARY", "THEN", "TIME", "TIMESTAMP",
            "TIMESTAMP_LTZ", "TINYINT", "TO", "TRUE", "TUMBLE", "UNION", "UNNEST", "UNSET", "UPDATE", "USE",
            "USING", "VALUES", "VARBINARY", "VARCHAR", "VIEW", "VIEWS", "WATERMARK", "WHEN", "WHERE", "WINDOW",
            "WITH", "WITHIN", "WITHOUT", "YEAR", "CUMULATE", "DESCRIPTOR", "PROCTIME", "MODEL", "ANALYZE");

    private static final int LONGEST_KEYWORD = KEYWORDS.stream().mapToInt(String::length).max().orElse(0);

    private SqlLexer() {
    }

    public static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toUpperCase(Locale.ROOT));
    }

    /** Receives the tokens of a scan in text order. */
    interface Sink {
        void token(Kind kind, int start, int end);
    }

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        Sink sink = (kind, start, end) -> tokens.add(new Token(kind, start, end));
        int n = text.length();
        int i = 0;
        while (i < n) {
            i = scan(text, i, sink);
        }
        return tokens;
    }

    /**
     * Reads the one lexeme (token, plain word, or other character) that starts at {@code i < text.length()}, hands
     * its token (if it is one) to {@code sink} and returns where the next lexeme starts. Between lexemes the lexer
     * has no state: multi-line constructs (block comments, literals) are single tokens. That is what lets
     * {@link TokenList} re-lex only around an edit.
     */
    static int scan(CharSequence text, int i, Sink sink) {
        int n = text.length();
        char c = text.charAt(i);
        int start = i;
        if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
            i = endOfLine(text, i);
            sink.token(Kind.COMMENT, start, i);
        } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
            i = endOfBlockComment(text, i + 2);
            sink.token(Kind.COMMENT, start, i);
        } else if (c == '\'' || c == '`' || c == '"') {
            i = endOfQuoted(text, i, c);
            sink.token(c == '\'' ? Kind.STRING : Kind.IDENTIFIER_QUOTED, start, i);
        } else if (Character.isDigit(c)) {
            while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            sink.token(Kind.NUMBER, start, i);
        } else if (isWordStart(c)) {
            while (i < n && isWordPart(text.charAt(i))) {
                i++;
            }
            if (i - start <= LONGEST_KEYWORD && isKeyword(text.subSequence(start, i).toString())) {
                sink.token(Kind.KEYWORD, start, i);
            }
        } else if ("()[]{}".indexOf(c) >= 0) {
            i++;
            sink.token(Kind.BRACKET, start, i);
        } else if (c == ';') {
            i++;
            sink.token(Kind.SEMICOLON, start, i);
        } else {
            i++;
        }
        return i;
    }

    static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static int endOfLine(CharSequence text, int from) {
        int n = text.length();
        int i = from;
        while (i < n && text.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    /** After the opening {@code /*}: the end of the closing {@code * /}, or of the text when unterminated. */
    private static int endOfBlockComment(CharSequence text, int from) {
        int n = text.length();
        for (int i = from; i + 1 < n; i++) {
            if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
                return i + 2;
            }
        }
        return n;
    }

    /** SQL doubles a quote to escape it ('it''s'); an unterminated literal runs to the end of the text. */
    private static int endOfQuoted(CharSequence text, int from, char quote) {
        int i = from + 1;
        int n = text.length();
        while (i < n) {
            if (text.charAt(i) == quote) {
                if (i + 1 < n && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return n;
    }
}
