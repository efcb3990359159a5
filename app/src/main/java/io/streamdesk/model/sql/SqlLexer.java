package io.streamdesk.model.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one Flink SQL lexer: the editor's highlighting, its formatter and the statement splitter of the check and the
 * submit all read SQL through it, so they agree on where a literal, a quoted name or a comment starts and ends.
 *
 * <p>It is forgiving: it never fails on broken input (an unterminated literal or block comment runs to the end of the
 * text), because the editor runs it on every keystroke over half-typed text. SQL doubles a quote to escape it
 * ({@code 'it''s'}); there are no backslash escapes. Words are read whole, so {@code window_end} is one word and not
 * {@code END}.
 *
 * <p>Between lexemes the lexer has no state: multi-line constructs (block comments, literals) are single lexemes, and
 * blanks are skipped one character at a time. That is what lets the editor re-lex only around an edit.
 */
public final class SqlLexer {

    /** What a lexeme is. Blanks are not lexemes: they are the gaps between them. */
    public enum Kind {
        /** A word of {@link #KEYWORDS} (reserved or not: Flink may still accept a non-reserved one as a name). */
        KEYWORD,
        /** Any other unquoted word: a name, a function, a type the list lacks. */
        WORD,
        /** A {@code '...'} literal, quotes included. */
        STRING,
        /** A {@code `...`} or {@code "..."} name, quotes included. */
        IDENTIFIER_QUOTED,
        /** A {@code --} comment (without the line break, and without a CR before it) or a block comment. */
        COMMENT,
        /** A number, with any letters and dots that follow its first digit ({@code 1.5}, {@code 10e3}). */
        NUMBER,
        /** One of {@code ( ) [ ] { }}. */
        BRACKET,
        SEMICOLON,
        /** Any other single character: operators, commas, dots. */
        OTHER
    }

    /** A lexeme {@code [start, end)} of the text. */
    public record Token(Kind kind, int start, int end) {
        public String text(CharSequence source) {
            return source.subSequence(start, end).toString();
        }

        public boolean isWord() {
            return kind == Kind.KEYWORD || kind == Kind.WORD;
        }

        public boolean isLineComment(CharSequence source) {
            return kind == Kind.COMMENT && source.charAt(start) == '-';
        }
    }

    /** Receives the lexemes of a scan in text order. */
    @FunctionalInterface
    public interface Sink {
        void token(Kind kind, int start, int end);
    }

    /** Flink SQL's keywords, reserved and non-reserved, as the editor highlights them. */
    public static final Set<String> KEYWORDS = Set.of(
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
    /**
     * {@link #KEYWORDS} in an open-addressing table by the hash of their upper-case ASCII form, so that a word of the text is looked up
     * without making a string of it and upper-casing it (that was half of lexing a script: issue 14).
     */
    private static final String[] KEYWORD_TABLE = keywordTable();
    /** Character classes of ASCII, as the {@link Character} tests below answer them, looked up instead of computed. */
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte WORD_EXTRA = 4;
    private static final byte BLANK = 8;
    private static final byte[] ASCII = asciiClasses();

    private SqlLexer() {
    }

    public static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toUpperCase(Locale.ROOT));
    }

    /** Every lexeme of {@code text} in order (blanks are the gaps between them). */
    public static List<Token> tokenize(CharSequence text) {
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
     * Reads the one lexeme (or blank) that starts at {@code i < text.length()}, hands the lexeme to {@code sink} and
     * returns where the next one starts. A blank is skipped without a call.
     */
    public static int scan(CharSequence text, int i, Sink sink) {
        int n = text.length();
        char c = text.charAt(i);
        int start = i;
        if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
            i = endOfLineComment(text, i);
            sink.token(Kind.COMMENT, start, i);
        } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
            i = endOfBlockComment(text, i + 2);
            sink.token(Kind.COMMENT, start, i);
        } else if (c == '\'' || c == '`' || c == '"') {
            i = endOfQuoted(text, i, c);
            sink.token(c == '\'' ? Kind.STRING : Kind.IDENTIFIER_QUOTED, start, i);
        } else if (isDigit(c)) {
            while (i < n && (isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            sink.token(Kind.NUMBER, start, i);
        } else if (isWordStart(c)) {
            while (i < n && isWordPart(text.charAt(i))) {
                i++;
            }
            boolean keyword = i - start <= LONGEST_KEYWORD && isKeyword(text, start, i);
            sink.token(keyword ? Kind.KEYWORD : Kind.WORD, start, i);
        } else if ("()[]{}".indexOf(c) >= 0) {
            i++;
            sink.token(Kind.BRACKET, start, i);
        } else if (c == ';') {
            i++;
            sink.token(Kind.SEMICOLON, start, i);
        } else if (c < 128 ? (ASCII[c] & BLANK) != 0 : Character.isWhitespace(c)) {
            i++;
        } else {
            i++;
            sink.token(Kind.OTHER, start, i);
        }
        return i;
    }

    /** Whether the word {@code [start, end)} of {@code text} is a keyword, as {@link #isKeyword(String)} says. */
    static boolean isKeyword(CharSequence text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // upper-casing outside ASCII can give ASCII ("ınt" is INT): leave it to the JDK
                return isKeyword(text.subSequence(start, end).toString());
            }
            h = 31 * h + (c >= 'a' && c <= 'z' ? c - 32 : c);
        }
        int mask = KEYWORD_TABLE.length - 1;
        for (int slot = spread(h) & mask; KEYWORD_TABLE[slot] != null; slot = (slot + 1) & mask) {
            String k = KEYWORD_TABLE[slot];
            if (k.length() == end - start && equalsAsciiUpper(k, text, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equalsAsciiUpper(String keyword, CharSequence text, int start) {
        for (int i = 0; i < keyword.length(); i++) {
            char c = text.charAt(start + i);
            if ((c >= 'a' && c <= 'z' ? c - 32 : c) != keyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int h) {
        return h ^ (h >>> 7) ^ (h >>> 16);
    }

    private static String[] keywordTable() {
        String[] table = new String[Integer.highestOneBit(KEYWORDS.size() * 4)];
        int mask = table.length - 1;
        for (String k : KEYWORDS) {
            int slot = spread(k.hashCode()) & mask; // upper-case ASCII: String's hash is the one isKeyword computes
            while (table[slot] != null) {
                slot = (slot + 1) & mask;
            }
            table[slot] = k;
        }
        return table;
    }

    public static boolean isWordStart(char c) {
        return c < 128 ? (ASCII[c] & (LETTER | WORD_EXTRA)) != 0 : Character.isLetter(c);
    }

    public static boolean isWordPart(char c) {
        return c < 128 ? (ASCII[c] & (LETTER | DIGIT | WORD_EXTRA)) != 0 : Character.isLetterOrDigit(c);
    }

    private static boolean isDigit(char c) {
        return c < 128 ? (ASCII[c] & DIGIT) != 0 : Character.isDigit(c);
    }

    private static boolean isLetterOrDigit(char c) {
        return c < 128 ? (ASCII[c] & (LETTER | DIGIT)) != 0 : Character.isLetterOrDigit(c);
    }

    private static byte[] asciiClasses() {
        byte[] classes = new byte[128];
        for (char c = 0; c < 128; c++) {
            classes[c] = (byte) ((Character.isLetter(c) ? LETTER : 0) | (Character.isDigit(c) ? DIGIT : 0)
                    | (c == '_' || c == '$' ? WORD_EXTRA : 0) | (Character.isWhitespace(c) ? BLANK : 0));
        }
        return classes;
    }

    /** Up to the line break; a CR before it belongs to the line break, not to the comment. */
    private static int endOfLineComment(CharSequence text, int from) {
        int n = text.length();
        int i = from;
        while (i < n && text.charAt(i) != '\n') {
            i++;
        }
        while (i > from + 2 && text.charAt(i - 1) == '\r') {
            i--;
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
