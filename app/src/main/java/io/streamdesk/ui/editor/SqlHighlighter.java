package io.streamdesk.ui.editor;

import io.streamdesk.model.sql.SqlLexer;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Turns SQL text into RichTextFX style spans (CSS classes of css/editor.css). Pure and thread-safe: the editor
 * computes it on a background thread for large scripts.
 */
public final class SqlHighlighter {

    private SqlHighlighter() {
    }

    public static StyleSpans<Collection<String>> compute(String text) {
        return compute(text, tokens(text));
    }

    /** The lexemes that get a style: all but plain words and other single characters (operators, commas). */
    public static List<SqlLexer.Token> tokens(String text) {
        return SqlLexer.tokenize(text).stream().filter(t -> isStyled(t.kind())).toList();
    }

    static boolean isStyled(SqlLexer.Kind kind) {
        return kind != SqlLexer.Kind.WORD && kind != SqlLexer.Kind.OTHER;
    }

    static StyleSpans<Collection<String>> compute(String text, List<SqlLexer.Token> tokens) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        for (SqlLexer.Token t : tokens) {
            spans.add(Collections.emptyList(), t.start() - last);
            spans.add(List.of(styleOf(t.kind())), t.end() - t.start());
            last = t.end();
        }
        // a builder must get at least one span, even for empty text
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }

    /** The styles of {@code [from, to)} of a text whose tokens are {@code tokens}. */
    static StyleSpans<Collection<String>> compute(TokenList tokens, int from, int to) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = from;
        for (int i = tokens.firstEndingAtOrAfter(from + 1); i < tokens.size() && tokens.start(i) < to; i++) {
            int start = Math.max(from, tokens.start(i));
            int end = Math.min(to, tokens.end(i));
            spans.add(Collections.emptyList(), start - last);
            spans.add(List.of(styleOf(tokens.kind(i))), end - start);
            last = end;
        }
        spans.add(Collections.emptyList(), to - last);
        return spans.create();
    }

    static String styleOf(SqlLexer.Kind kind) {
        return switch (kind) {
            case KEYWORD -> "sql-keyword";
            case STRING -> "sql-string";
            case IDENTIFIER_QUOTED -> "sql-quoted";
            case COMMENT -> "sql-comment";
            case NUMBER -> "sql-number";
            case BRACKET -> "sql-bracket";
            case SEMICOLON -> "sql-semicolon";
            case WORD, OTHER -> "";
        };
    }
}
