package io.streamdesk.model.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.sql.SqlLexer.Kind;
import io.streamdesk.model.sql.SqlLexer.Token;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one SQL lexer that highlighting, formatting and statement splitting share. */
class SqlLexerTest {

    private static List<String> texts(String sql, Kind kind) {
        return SqlLexer.tokenize(sql).stream().filter(t -> t.kind() == kind).map(t -> t.text(sql)).toList();
    }

    @Test
    void everyKindOfLexeme() {
        String sql = "SELECT window_end, `a;b`, \"c\", 'it''s', 1.5, f(x) -- note\n/* block */;";
        assertThat(texts(sql, Kind.KEYWORD)).containsExactly("SELECT");
        assertThat(texts(sql, Kind.WORD)).containsExactly("window_end", "f", "x");
        assertThat(texts(sql, Kind.IDENTIFIER_QUOTED)).containsExactly("`a;b`", "\"c\"");
        assertThat(texts(sql, Kind.STRING)).containsExactly("'it''s'");
        assertThat(texts(sql, Kind.NUMBER)).containsExactly("1.5");
        assertThat(texts(sql, Kind.BRACKET)).containsExactly("(", ")");
        assertThat(texts(sql, Kind.COMMENT)).containsExactly("-- note", "/* block */");
        assertThat(texts(sql, Kind.SEMICOLON)).containsExactly(";");
        assertThat(texts(sql, Kind.OTHER)).containsExactly(",", ",", ",", ",", ",");
    }

    @Test
    void aLineCommentEndsBeforeTheLineBreakIncludingItsCarriageReturn() {
        String sql = "-- windows line\r\nSELECT 1";
        List<Token> tokens = SqlLexer.tokenize(sql);
        assertThat(tokens.get(0).text(sql)).isEqualTo("-- windows line");
        assertThat(tokens.get(0).isLineComment(sql)).isTrue();
        assertThat(tokens.get(1).text(sql)).isEqualTo("SELECT");
    }

    @Test
    void unterminatedLiteralsAndCommentsRunToTheEnd() {
        assertThat(texts("SELECT 'open", Kind.STRING)).containsExactly("'open");
        assertThat(texts("SELECT 1 /* open", Kind.COMMENT)).containsExactly("/* open");
        assertThat(texts("SELECT `open", Kind.IDENTIFIER_QUOTED)).containsExactly("`open");
    }

    @Test
    void lexemesAreInOrderAndOnlyBlanksLieBetweenThem() {
        String alphabet = "ab_1 .;'\"`-/*()\n\r\t,=ENDselect";
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            int last = 0;
            for (Token t : SqlLexer.tokenize(text)) {
                assertThat(t.start()).as("%s in [%s]", t, text).isGreaterThanOrEqualTo(last);
                assertThat(t.end()).as("%s in [%s]", t, text).isGreaterThan(t.start());
                assertThat(text.substring(last, t.start()).isBlank()).as("gap before %s in [%s]", t, text).isTrue();
                last = t.end();
            }
            assertThat(text.substring(last).isBlank()).as("tail of [%s]", text).isTrue();
        }
    }

    /** Issue 14: the keyword lookup without a string per word answers as the upper-casing one, ASCII or not. */
    @Test
    void theKeywordTableAgreesWithUpperCasingEveryWord() {
        java.util.Random random = new java.util.Random(14);
        String alphabet = "abcdefghijklmnopqrstuvwxyzSELECTFROMWHERE_$0123456789\u0131\u017f\u00e9";
        for (String k : SqlLexer.KEYWORDS) {
            assertThat(SqlLexer.isKeyword(" " + k.toLowerCase(java.util.Locale.ROOT) + " ", 1, k.length() + 1)).isTrue();
        }
        assertThat(SqlLexer.isKeyword("\u0131nt", 0, 3)).isEqualTo(SqlLexer.isKeyword("\u0131nt"));
        for (int round = 0; round < 50_000; round++) {
            StringBuilder word = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int j = 0; j < length; j++) {
                word.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String w = random.nextInt(3) == 0
                    ? new java.util.ArrayList<>(SqlLexer.KEYWORDS).get(random.nextInt(SqlLexer.KEYWORDS.size())) : word.toString();
            assertThat(SqlLexer.isKeyword("x " + w, 2, 2 + w.length())).as(w).isEqualTo(SqlLexer.isKeyword(w));
        }
    }
}
