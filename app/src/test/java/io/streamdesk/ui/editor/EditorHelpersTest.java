package io.streamdesk.ui.editor;

import io.streamdesk.model.sql.SqlLexer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/** The pure pieces of the editor: lexer, highlighter, brackets, search, comment toggling, indent. */
class EditorHelpersTest {

    private static List<String> tokens(String sql, SqlLexer.Kind kind) {
        return SqlHighlighter.tokens(sql).stream().filter(t -> t.kind() == kind)
                .map(t -> sql.substring(t.start(), t.end())).toList();
    }

    @Test
    void lexerFindsKeywordsButNotInsideIdentifiersStringsOrComments() {
        String sql = "SELECT window_end, 'from here' -- select end\nFROM t /* WHERE */ WHERE x > 10.5;";
        assertThat(tokens(sql, SqlLexer.Kind.KEYWORD)).containsExactly("SELECT", "FROM", "WHERE");
        assertThat(tokens(sql, SqlLexer.Kind.STRING)).containsExactly("'from here'");
        assertThat(tokens(sql, SqlLexer.Kind.COMMENT)).containsExactly("-- select end", "/* WHERE */");
        assertThat(tokens(sql, SqlLexer.Kind.NUMBER)).containsExactly("10.5");
    }

    @Test
    void lexerSurvivesUnterminatedInput() {
        String sql = "SELECT 'it''s open /* and";
        assertThat(tokens(sql, SqlLexer.Kind.STRING)).containsExactly("'it''s open /* and");
    }

    @Test
    void highlighterCoversTheWholeText() {
        String sql = "select 1 from `t`";
        StyleSpans<Collection<String>> spans = SqlHighlighter.compute(sql);
        assertThat(spans.length()).isEqualTo(sql.length());
        assertThat(spans.getStyleSpan(0).getStyle()).containsExactly("sql-keyword");
        assertThat(SqlHighlighter.compute("").length()).isZero();
    }

    @Test
    void overlayAddsErrorClassOnTopOfHighlighting() {
        String sql = "SELEC a FROM t";
        var spans = StyleOverlay.apply(SqlHighlighter.compute(sql), List.of(new StyleOverlay.Range(8, 12, "sql-error")));
        assertThat(spans.length()).isEqualTo(sql.length());
        int pos = 0;
        for (var span : spans) {
            if (pos == 8) {
                assertThat(span.getStyle()).containsExactlyInAnyOrder("sql-keyword", "sql-error");
            }
            pos += span.getLength();
        }
    }

    @Test
    void bracketsMatchAcrossNestingAndIgnoreStrings() {
        String sql = "f(a, g(b), ')')";
        var tokens = SqlHighlighter.tokens(sql);
        assertThat(BracketMatcher.match(sql, tokens, 2)).isEqualTo(new BracketMatcher.Pair(1, 14));
        assertThat(BracketMatcher.match(sql, tokens, 15)).isEqualTo(new BracketMatcher.Pair(1, 14));
        assertThat(BracketMatcher.match(sql, tokens, 7)).isEqualTo(new BracketMatcher.Pair(6, 8));
        assertThat(BracketMatcher.match(sql, tokens, 4)).isNull();
    }

    @Test
    void searchWrapsAndReplaceAllIsCaseInsensitive() {
        String text = "select a from T; SELECT b FROM t";
        assertThat(TextSearch.next(text, "from", 0)).isEqualTo(new TextSearch.Match(9, 13));
        assertThat(TextSearch.next(text, "from", 14)).isEqualTo(new TextSearch.Match(26, 30));
        assertThat(TextSearch.next(text, "from", 31)).isEqualTo(new TextSearch.Match(9, 13));
        assertThat(TextSearch.previous(text, "select", 17)).isEqualTo(new TextSearch.Match(0, 6));
        assertThat(TextSearch.count(text, "SELECT")).isEqualTo(2);
        assertThat(TextSearch.replaceAll(text, "from", "FROM")).isEqualTo("select a FROM T; SELECT b FROM t");
    }

    @Test
    void toggleCommentCommentsAndUncommentsSelectedLines() {
        String text = "SELECT a\nFROM t\nWHERE x";
        EditorCommands.Edit e = EditorCommands.toggleComment(text, 3, 12);
        String commented = text.substring(0, e.start()) + e.text() + text.substring(e.end());
        assertThat(commented).isEqualTo("-- SELECT a\n-- FROM t\nWHERE x");
        EditorCommands.Edit back = EditorCommands.toggleComment(commented, 0, 15);
        assertThat(commented.substring(0, back.start()) + back.text() + commented.substring(back.end())).isEqualTo(text);
    }

    @Test
    void newLineKeepsIndentAndIndentsAfterAnOpenBracket() {
        assertThat(EditorCommands.newLineWithIndent("  SELECT a,", 11)).isEqualTo("\n  ");
        assertThat(EditorCommands.newLineWithIndent("CREATE TABLE t (", 16)).isEqualTo("\n  ");
        assertThat(EditorCommands.newLineWithIndent("", 0)).isEqualTo("\n");
    }
}
