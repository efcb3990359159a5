package io.streamdesk.ui.editor;

import io.streamdesk.model.sql.SqlLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Format (Ctrl+Shift+F, E1): reserved words upper-cased, one clause per line, the column list of CREATE TABLE, the
 * WITH options and subqueries indented one item per line. It only changes whitespace between tokens and the case of
 * reserved words (which cannot be identifiers, so their case carries no meaning); strings, comments and quoted
 * identifiers are copied as they are. A final check compares the token sequences of input and output and returns the
 * input unchanged if they differ, so a formatting bug can never change what the script means.
 */
public final class SqlFormatter {
    private static final String INDENT = "  ";

    /**
     * Words Flink's parser (Calcite) reserves: they are always keywords when unquoted, so upper-casing them is safe.
     * Non-reserved keywords (WATERMARK, KEY, STRING, ...) may be column names, and Flink identifiers are case-sensitive,
     * so they keep the case the user typed.
     */
    static final Set<String> RESERVED = Set.of(
            "ALL", "ALTER", "AND", "ANY", "ARRAY", "AS", "AT", "BETWEEN", "BIGINT", "BINARY", "BOOLEAN", "BOTH", "BY",
            "CALL", "CASE", "CAST", "CHAR", "CHECK", "COLUMN", "CONSTRAINT", "CREATE", "CROSS", "CUBE", "CURRENT",
            "DATE", "DAY", "DECIMAL", "DELETE", "DESCRIBE", "DISTINCT", "DOUBLE", "DROP", "ELSE", "END", "ESCAPE",
            "EXCEPT", "EXISTS", "FALSE", "FETCH", "FILTER", "FLOAT", "FOR", "FROM", "FULL", "FUNCTION", "GROUP",
            "GROUPING", "HAVING", "HOUR", "IN", "INNER", "INSERT", "INT", "INTEGER", "INTERSECT", "INTERVAL", "INTO",
            "IS", "JOIN", "LATERAL", "LEADING", "LEFT", "LIKE", "MATCH_RECOGNIZE", "MEASURES", "MINUTE", "MONTH",
            "MULTISET", "NATURAL", "NOT", "NULL", "OF", "OFFSET", "ON", "OR", "ORDER", "OUTER", "OVER", "PARTITION",
            "PATTERN", "PRIMARY", "RANGE", "RIGHT", "ROLLUP", "ROW", "ROWS", "SECOND", "SELECT", "SET", "SMALLINT",
            "SYSTEM_TIME", "TABLE", "THEN", "TIME", "TIMESTAMP", "TINYINT", "TO", "TRUE", "UNION", "UNNEST", "UPDATE",
            "USING", "VALUES", "VARBINARY", "VARCHAR", "WHEN", "WHERE", "WINDOW", "WITH", "WITHIN", "WITHOUT", "YEAR");

    /** Words that start a clause on a line of its own. */
    private static final Set<String> CLAUSES = Set.of("SELECT", "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT",
            "UNION", "EXCEPT", "INTERSECT", "INSERT", "VALUES", "WITH", "JOIN", "LEFT", "RIGHT", "FULL", "INNER", "CROSS",
            "NATURAL", "WINDOW");
    private static final Set<String> JOIN_PREFIXES = Set.of("LEFT", "RIGHT", "FULL", "INNER", "CROSS", "NATURAL", "OUTER");

    private enum Kind { WORD, QUOTED, STRING, NUMBER, LINE_COMMENT, BLOCK_COMMENT, PUNCT }

    private record Token(Kind kind, String text, String spaceBefore, String upper) {
        Token(Kind kind, String text, String spaceBefore) {
            this(kind, text, spaceBefore, kind == Kind.WORD ? text.toUpperCase(Locale.ROOT) : text);
        }

        boolean is(String s) {
            return (kind == Kind.WORD || kind == Kind.PUNCT) && text.equalsIgnoreCase(s);
        }

        boolean comment() {
            return kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
        }

    }

    /** What an open parenthesis holds: a list laid out one item per line, a subquery, or anything inline. */
    private enum Paren { LIST, QUERY, INLINE }

    private SqlFormatter() {
    }

    public static String format(String sql) {
        List<Token> tokens = tokenize(sql);
        String out = unchecked(sql, tokens);
        return sameTokens(tokens, tokenize(out)) ? out : sql;
    }

    /** The layout without the final token check, so tests see the layout's own result and not the fallback. */
    static String formatUnchecked(String sql) {
        return unchecked(sql, tokenize(sql));
    }

    private static String unchecked(String sql, List<Token> tokens) {
        String out = layout(tokens);
        if (!out.isEmpty() && sql.stripTrailing().length() < sql.length() && sql.substring(sql.stripTrailing().length()).contains("\n")) {
            out += "\n"; // keep one final line break
        }
        return out;
    }

    private static String layout(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        Deque<Paren> parens = new ArrayDeque<>();
        int indentLevel = 0;   // open LIST/QUERY parens plus BEGIN blocks
        int blocks = 0;
        int caseDepth = 0;
        boolean statementStart = true;
        boolean createStatement = false;
        boolean sawListParen = false;
        Token prev = null;
        Token prevCode = null;  // the previous token that is not a comment
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = nextCode(tokens, i);
            String upper = t.upper();
            Paren innermost = parens.peek();
            boolean queryLevel = innermost == null || innermost == Paren.QUERY;

            // ---- the break before this token ----
            int newlines = prev == null ? 0 : (int) t.spaceBefore().chars().filter(c -> c == '\n').count();
            boolean endOfBlock = t.kind() == Kind.WORD && upper.equals("END") && caseDepth == 0 && blocks > 0;
            // a structural break: where the layout puts a line break whatever the input had
            boolean structural = false;
            int level = indentLevel;
            if (prevCode != null && !(t.comment() && newlines == 0)) {
                if ((t.is(")") && openedBlock(parens)) || endOfBlock) {
                    structural = true;
                    level--;
                } else if (prevCode.is(";") || (prevCode.is("BEGIN") && blocks > 0)) {
                    structural = true;
                } else if (t.kind() == Kind.WORD && !statementStart && queryLevel && isClause(upper, prevCode, next)) {
                    structural = true;
                } else if (prevCode.is("(") && openedBlock(parens)) {
                    structural = true;
                } else if (prevCode.is(",") && innermost == Paren.LIST) {
                    structural = true;
                }
            }
            // a break the input asks for: after a line comment, or before a comment on a line of its own
            boolean forced = prev != null && (prev.kind() == Kind.LINE_COMMENT || (t.comment() && newlines > 0));
            if (forced && !structural && !statementStart && !(t.comment() && atStructuralPoint(prevCode, parens, blocks))) {
                level++; // a continuation line inside a clause
            }
            if (prev != null) {
                if (structural || forced || newlines >= 2) {
                    out.append(newlines >= 2 ? "\n\n" : "\n").append(INDENT.repeat(Math.max(0, level)));
                } else if (!t.spaceBefore().isEmpty()) {
                    out.append(' ');
                }
            }

            // ---- the token ----
            boolean upperCase = t.kind() == Kind.WORD && RESERVED.contains(upper) && (prevCode == null || !prevCode.is("."));
            out.append(upperCase ? upper : t.text());

            // ---- state after it ----
            if (t.comment()) {
                prev = t;
                continue;
            }
            if (statementStart) {
                createStatement = upper.equals("CREATE");
                sawListParen = false;
                statementStart = false;
            }
            if (t.is("(")) {
                Paren kind = parenKind(prevCode, next, parens.isEmpty(), createStatement && !sawListParen);
                if (kind == Paren.LIST && parens.isEmpty()) {
                    sawListParen = true;
                }
                parens.push(kind);
                if (kind != Paren.INLINE) {
                    indentLevel++;
                }
            } else if (t.is(")")) {
                Paren closed = parens.poll();
                if (closed != null && closed != Paren.INLINE) {
                    indentLevel--;
                }
            } else if (t.is(";") && parens.isEmpty()) {
                statementStart = true;
                caseDepth = 0;
            } else if (t.kind() == Kind.WORD && upper.equals("CASE")) {
                caseDepth++;
            } else if (t.kind() == Kind.WORD && upper.equals("END")) {
                if (caseDepth > 0) {
                    caseDepth--;
                } else if (blocks > 0) {
                    blocks--;
                    indentLevel--;
                }
            } else if (t.kind() == Kind.WORD && upper.equals("BEGIN") && prevCode != null && prevCode.is("SET")) {
                blocks++;
                indentLevel++;
            }
            prev = t;
            prevCode = t;
        }
        return out.toString();
    }

    /** After ";", "(" of a list or subquery, or "," of a list, a comment line starts at the item's indent. */
    private static boolean atStructuralPoint(Token prevCode, Deque<Paren> parens, int blocks) {
        return prevCode == null || prevCode.is(";") || (prevCode.is("BEGIN") && blocks > 0)
                || (prevCode.is("(") && openedBlock(parens)) || (prevCode.is(",") && parens.peek() == Paren.LIST);
    }

    private static boolean openedBlock(Deque<Paren> parens) {
        Paren p = parens.peek();
        return p == Paren.LIST || p == Paren.QUERY;
    }

    private static boolean isClause(String upper, Token prevCode, Token next) {
        if (!CLAUSES.contains(upper)) {
            return false;
        }
        if (prevCode != null && prevCode.kind() == Kind.WORD && JOIN_PREFIXES.contains(prevCode.upper())
                && (upper.equals("JOIN") || JOIN_PREFIXES.contains(upper))) {
            return false; // LEFT OUTER JOIN breaks once, before LEFT
        }
        if (prevCode != null && (prevCode.is("UNION") || prevCode.is("EXCEPT") || prevCode.is("INTERSECT"))) {
            return upper.equals("SELECT");
        }
        if (JOIN_PREFIXES.contains(upper) || upper.equals("JOIN")) {
            // LEFT(s, 3) is a function call, not a join
            return next == null || !next.is("(");
        }
        if (upper.equals("WITH") && prevCode != null && (prevCode.is("(") || prevCode.is(","))) {
            return false;
        }
        return true;
    }

    private static Paren parenKind(Token before, Token next, boolean topLevel, boolean firstOfCreate) {
        if (next != null && (next.is("SELECT") || next.is("WITH") || next.is("VALUES"))) {
            return Paren.QUERY;
        }
        if (before != null && before.is("WITH")) {
            return Paren.LIST;
        }
        if (topLevel && firstOfCreate && before != null
                && ((before.kind() == Kind.WORD && !RESERVED.contains(before.upper())) || before.kind() == Kind.QUOTED)) {
            return Paren.LIST;
        }
        return Paren.INLINE;
    }

    private static Token nextCode(List<Token> tokens, int i) {
        for (int j = i + 1; j < tokens.size(); j++) {
            if (!tokens.get(j).comment()) {
                return tokens.get(j);
            }
        }
        return null;
    }

    /** Same tokens in the same order; reserved words compared without case. */
    private static boolean sameTokens(List<Token> a, List<Token> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Token x = a.get(i);
            Token y = b.get(i);
            if (x.kind() != y.kind()) {
                return false;
            }
            boolean same = x.kind() == Kind.WORD && RESERVED.contains(x.upper())
                    ? x.text().equalsIgnoreCase(y.text()) : x.text().equals(y.text());
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every token with the blanks before it, read by the one SQL lexer ({@link SqlLexer}); never fails (unterminated
     * strings and comments run to the end).
     */
    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int[] previousEnd = {0};
        int n = text.length();
        SqlLexer.Sink sink = (kind, start, end) -> {
            Kind mine = switch (kind) {
                case KEYWORD, WORD -> Kind.WORD;
                case STRING -> Kind.STRING;
                case IDENTIFIER_QUOTED -> Kind.QUOTED;
                case NUMBER -> Kind.NUMBER;
                case COMMENT -> text.charAt(start) == '-' ? Kind.LINE_COMMENT : Kind.BLOCK_COMMENT;
                case BRACKET, SEMICOLON, OTHER -> Kind.PUNCT;
            };
            tokens.add(new Token(mine, text.substring(start, end), text.substring(previousEnd[0], start)));
            previousEnd[0] = end;
        };
        for (int i = 0; i < n; ) {
            i = SqlLexer.scan(text, i, sink);
        }
        return tokens;
    }
}
