package io.streamdesk.flink.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a Flink SQL script at {@code ;} into {@link SqlStatement}s, the way a user reads it: a {@code ;}
 * inside a string literal ({@code ''} escapes), a quoted identifier, a {@code --} comment or a block comment
 * does not end a statement, and an {@code EXECUTE STATEMENT SET BEGIN ... END;} block stays whole.
 * Words are read whole, so {@code window_end} is not {@code END}. Pieces holding only blanks and comments
 * are not statements.
 */
public final class SqlStatementSplitter {

    private static final List<String> STATEMENT_SET_OPENING = List.of("EXECUTE", "STATEMENT", "SET", "BEGIN");

    public List<SqlStatement> split(String script) {
        List<SqlStatement> statements = new ArrayList<>();
        Cursor c = new Cursor(script);
        while (!c.atEnd()) {
            SqlStatement statement = readStatement(c);
            if (statement != null) {
                statements.add(statement);
            }
        }
        return statements;
    }

    /** Reads up to and including the next statement-ending {@code ;} (or the end); null when nothing but blanks/comments. */
    private SqlStatement readStatement(Cursor c) {
        int start = -1;
        int startLine = 0;
        int startColumn = 0;
        int lastSignificantEnd = -1;
        List<String> leadingWords = new ArrayList<>(4);
        boolean inStatementSet = false;
        boolean statementSetEnded = false;

        while (!c.atEnd()) {
            char ch = c.peek();
            if (Character.isWhitespace(ch)) {
                c.advance();
                continue;
            }
            if (c.startsWith("--")) {
                c.skipLineComment();
                continue;
            }
            if (c.startsWith("/*")) {
                c.skipBlockComment();
                if (start >= 0) {
                    lastSignificantEnd = c.pos; // a comment inside a statement stays part of its text
                }
                continue;
            }
            if (ch == ';' && (!inStatementSet || statementSetEnded)) {
                c.advance();
                break;
            }
            if (start < 0) {
                start = c.pos;
                startLine = c.line;
                startColumn = c.column;
            }
            if (ch == '\'' || ch == '`' || ch == '"') {
                c.skipQuoted(ch);
            } else if (isWordStart(ch)) {
                String word = c.readWord().toUpperCase(Locale.ROOT);
                if (leadingWords.size() < STATEMENT_SET_OPENING.size()) {
                    leadingWords.add(word);
                    if (leadingWords.equals(STATEMENT_SET_OPENING)) {
                        inStatementSet = true;
                    }
                } else if (inStatementSet && word.equals("END")) {
                    statementSetEnded = true;
                }
            } else {
                c.advance();
            }
            lastSignificantEnd = c.pos;
        }
        if (start < 0) {
            return null;
        }
        return new SqlStatement(c.text.substring(start, lastSignificantEnd), start, startLine, startColumn);
    }

    private static boolean isWordStart(char ch) {
        return Character.isLetter(ch) || ch == '_' || ch == '$';
    }

    /** Position in the script, keeping line and column in step with the offset. */
    private static final class Cursor {
        final String text;
        int pos;
        int line = 1;
        int column = 1;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return text.charAt(pos);
        }

        boolean startsWith(String s) {
            return text.startsWith(s, pos);
        }

        void advance() {
            if (text.charAt(pos) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            pos++;
        }

        void skipLineComment() {
            while (!atEnd() && peek() != '\n') {
                advance();
            }
        }

        void skipBlockComment() {
            advance();
            advance();
            while (!atEnd() && !startsWith("*/")) {
                advance();
            }
            if (!atEnd()) {
                advance();
                advance();
            }
        }

        /** Skips a quoted literal or identifier; a doubled quote character is an escaped quote. */
        void skipQuoted(char quote) {
            advance();
            while (!atEnd()) {
                char ch = peek();
                advance();
                if (ch == quote) {
                    if (!atEnd() && peek() == quote) {
                        advance();
                    } else {
                        return;
                    }
                }
            }
        }

        String readWord() {
            int begin = pos;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '$')) {
                advance();
            }
            return text.substring(begin, pos);
        }
    }
}
