package io.streamdesk.ui.editor;

import io.streamdesk.service.compare.SecretKeys;
import io.streamdesk.service.secrets.SecretRefs;
import io.streamdesk.model.sql.SqlLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Quoted options whose key names a secret ({@code 'password' = 'hunter2'}, {@code 'sasl.jaas.config'},
 * {@code 'token'}, ... as {@link SecretKeys} tells) and whose value is written in plain text: what "Store as secret"
 * offers to move into the secret store (S2). Comments and quoted identifiers do not count (the editor's own
 * {@link SqlLexer} tells them apart); a value that already is a {@code ${secret:<id>}} reference does not either.
 */
public final class PlainSecretOptions {
    /** More hints than this in one script are not worth scanning for: the bar names the first few anyway. */
    static final int MAX_FOUND = 50;

    private PlainSecretOptions() {
    }

    /**
     * One such option: {@code [valueStart, valueEnd)} is the text between the value's quotes (quotes still doubled),
     * {@code line} its 0-based paragraph.
     */
    public record Option(String key, int valueStart, int valueEnd, String writtenValue, int line) {
        public boolean contains(int caret) {
            return caret >= valueStart - 1 && caret <= valueEnd + 1; // on a quote counts
        }
    }

    public static List<Option> find(String text) {
        List<Option> found = new ArrayList<>();
        if (text == null || text.indexOf('=') < 0) {
            return found;
        }
        List<SqlLexer.Token> tokens = SqlLexer.tokenize(text);
        for (int i = 0; i + 1 < tokens.size() && found.size() < MAX_FOUND; i++) {
            SqlLexer.Token key = tokens.get(i);
            int v = i + 1;
            // the shared lexer hands '=' over as a lexeme of its own: look past it
            if (tokens.get(v).kind() == SqlLexer.Kind.OTHER && "=".equals(tokens.get(v).text(text)) && v + 1 < tokens.size()) {
                v++;
            }
            SqlLexer.Token value = tokens.get(v);
            if (key.kind() != SqlLexer.Kind.STRING || value.kind() != SqlLexer.Kind.STRING
                    || !closed(text, key) || !closed(text, value) || !onlyEqualsBetween(text, key.end(), value.start())) {
                continue;
            }
            String keyText = text.substring(key.start() + 1, key.end() - 1).replace("''", "'");
            String written = text.substring(value.start() + 1, value.end() - 1);
            if (written.isEmpty() || !SecretKeys.isSecret(keyText) || written.contains(SecretRefs.OPEN)) {
                continue;
            }
            found.add(new Option(keyText, value.start() + 1, value.end() - 1, written, lineOf(text, value.start())));
            i = v; // the value cannot also be the key of the next option
        }
        return found;
    }

    /** The option whose value holds the caret, else the first on the caret's line. */
    public static Optional<Option> at(List<Option> options, String text, int caret) {
        int line = lineOf(text, Math.min(caret, text.length()));
        Option onLine = null;
        for (Option o : options) {
            if (o.contains(caret)) {
                return Optional.of(o);
            }
            if (onLine == null && o.line() == line) {
                onLine = o;
            }
        }
        return Optional.ofNullable(onLine);
    }

    private static boolean closed(String text, SqlLexer.Token t) {
        return t.end() - t.start() >= 2 && text.charAt(t.end() - 1) == '\'';
    }

    private static boolean onlyEqualsBetween(String text, int from, int to) {
        String between = text.substring(from, to).strip();
        return between.equals("=");
    }

    private static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
