package io.streamdesk.flink.sql;

import io.streamdesk.model.sql.SqlLexer;
import io.streamdesk.model.sql.SqlLexer.Kind;
import io.streamdesk.model.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a Flink SQL script at {@code ;} into {@link SqlStatement}s, the way a user reads it: a {@code ;}
 * inside a string literal ({@code ''} escapes), a quoted identifier, a {@code --} comment or a block comment
 * does not end a statement, and an {@code EXECUTE STATEMENT SET BEGIN ... END;} block stays whole.
 * Words are read whole, so {@code window_end} is not {@code END}. Pieces holding only blanks and comments
 * are not statements. The script is read by the editor's lexer ({@link SqlLexer}), so the check marks the same
 * literals and comments the editor shows.
 */
public final class SqlStatementSplitter {

    private static final List<String> STATEMENT_SET_OPENING = List.of("EXECUTE", "STATEMENT", "SET", "BEGIN");

    public List<SqlStatement> split(String script) {
        List<SqlStatement> statements = new ArrayList<>();
        Positions positions = new Positions(script);
        int start = -1;
        int lastSignificantEnd = -1;
        List<String> leadingWords = new ArrayList<>(4);
        boolean inStatementSet = false;
        boolean statementSetEnded = false;
        for (Token t : SqlLexer.tokenize(script)) {
            if (t.kind() == Kind.COMMENT) {
                if (start >= 0 && !t.isLineComment(script)) {
                    lastSignificantEnd = t.end(); // a block comment inside a statement stays part of its text
                }
                continue;
            }
            if (t.kind() == Kind.SEMICOLON && (!inStatementSet || statementSetEnded)) {
                if (start >= 0) {
                    statements.add(statement(script, start, lastSignificantEnd, positions));
                }
                start = -1;
                leadingWords.clear();
                inStatementSet = false;
                statementSetEnded = false;
                continue;
            }
            if (start < 0) {
                start = t.start();
            }
            if (t.isWord()) {
                String word = t.text(script).toUpperCase(Locale.ROOT);
                if (leadingWords.size() < STATEMENT_SET_OPENING.size()) {
                    leadingWords.add(word);
                    if (leadingWords.equals(STATEMENT_SET_OPENING)) {
                        inStatementSet = true;
                    }
                } else if (inStatementSet && word.equals("END")) {
                    statementSetEnded = true;
                }
            }
            lastSignificantEnd = t.end();
        }
        if (start >= 0) {
            statements.add(statement(script, start, lastSignificantEnd, positions));
        }
        return statements;
    }

    private static SqlStatement statement(String script, int start, int end, Positions positions) {
        positions.advanceTo(start);
        return new SqlStatement(script.substring(start, end), start, positions.line, positions.column);
    }

    /** Line and column (1-based) of an offset, counted forward only: statements come in text order. */
    private static final class Positions {
        private final String text;
        private int offset;
        int line = 1;
        int column = 1;

        Positions(String text) {
            this.text = text;
        }

        void advanceTo(int target) {
            for (; offset < target; offset++) {
                if (text.charAt(offset) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
        }
    }
}
