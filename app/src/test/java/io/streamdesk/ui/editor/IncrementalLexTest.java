package io.streamdesk.ui.editor;

import io.streamdesk.model.sql.SqlLexer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.SimpleEditableStyledDocument;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/**
 * E5: the incremental lexer and highlighter against a full re-lex, over many random edits of a realistic script
 * (property style: every edit, the token list must equal a full lex of the new text, and the styles set on a
 * RichTextFX document model must equal a full highlight).
 */
class IncrementalLexTest {
    /** A script with every construct whose state reaches over lines: block comments, literals, quoted names. */
    static final String SCRIPT = """
            -- orders per minute
            CREATE TABLE orders (
              id BIGINT,
              `user name` STRING,
              amount DECIMAL(10, 2),
              note STRING COMMENT 'it''s free text; may hold -- and /* */',
              ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
            ) WITH ('connector' = 'datagen', 'rows-per-second' = '10');
            /* a block comment
               over three lines with 'quotes' and "names" and -- dashes
            */
            CREATE TEMPORARY VIEW big AS SELECT * FROM orders WHERE amount > 100.5;
            INSERT INTO sink /* inline */ SELECT window_start, window_end, COUNT(*) AS n, "odd ""name"" x"
            FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
            GROUP BY window_start, window_end; -- trailing
            SELECT 'a multi-line
            literal', [1, 2], {3} FROM t;
            """;

    private static final String[] SNIPPETS = {"'", "\"", "`", "/*", "*/", "--", "\n", "*", "/", "-", "a", "SELECT ",
        " ", "(", ")", ";", "''", "1.5", "x_1", "\n--", "end", "/**/", "'\n'", "WHERE"};

    @Test
    void tokensAfterEveryRandomEditEqualAFullLex() {
        for (int seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder(SCRIPT);
            TokenList tokens = TokenList.lex(text);
            for (int step = 0; step < 400; step++) {
                Edit e = randomEdit(random, text);
                text.replace(e.position, e.position + e.removed, e.inserted);
                TokenList.Range range = tokens.edit(text, e.position, e.removed, e.inserted.length());
                List<SqlLexer.Token> expected = SqlHighlighter.tokens(text.toString());
                assertThat(tokens.toList()).as("seed %d step %d: %s in%n%s", seed, step, e, text).isEqualTo(expected);
                assertThat(range.start()).isLessThanOrEqualTo(e.position);
                assertThat(range.end()).isGreaterThanOrEqualTo(e.position + e.inserted.length());
            }
        }
    }

    @Test
    void stylesSetPatchByPatchEqualAFullHighlight() {
        for (int seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            var doc = new SimpleEditableStyledDocument<Collection<String>, Collection<String>>(
                    Collections.emptyList(), Collections.emptyList());
            IncrementalHighlighter highlighter = new IncrementalHighlighter(doc::setStyleSpans);
            replace(doc, highlighter, 0, 0, SCRIPT, 0);
            for (int step = 0; step < 100; step++) {
                Edit e = randomEdit(random, new StringBuilder(doc.getText()));
                replace(doc, highlighter, e.position, e.removed, e.inserted, e.position + e.inserted.length());
                if (step % 10 == 0) {
                    int from = random.nextInt(doc.length() + 1);
                    int to = Math.min(doc.length(), from + random.nextInt(8));
                    highlighter.setMarkers(from < to ? List.of(new StyleOverlay.Range(from, to, "sql-error"))
                            : List.of());
                }
                List<Set<String>> actual = perChar(doc.getStyleSpans(0, doc.length()));
                List<Set<String>> expected = perChar(expectedStyles(doc.getText(), highlighter));
                int at = firstDifference(doc.getText(), actual, expected);
                assertThat(at).as("seed %d step %d %s: styles differ at %d (%s instead of %s) in%n%s", seed, step, e,
                        at, at >= 0 && at < actual.size() ? actual.get(at) : "-",
                        at >= 0 && at < expected.size() ? expected.get(at) : "-",
                        doc.getText()).isEqualTo(-1);
            }
        }
    }

    /**
     * Issue 14: with a viewport, an edit restyles at once what is on screen (and near the caret); the rest is stale
     * until {@link IncrementalHighlighter#restyleStale} has run, a chunk per frame. Checked on every edit: the screen
     * equals a full highlight; after the frames, the whole document does.
     */
    @Test
    void onScreenStylesAreRightAtOnceAndTheRestAfterTheFrames() {
        String script = SCRIPT.repeat(40);
        boolean deferred = false;
        for (int seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            var doc = new SimpleEditableStyledDocument<Collection<String>, Collection<String>>(
                    Collections.emptyList(), Collections.emptyList());
            int[] screen = {0, 1_500};
            IncrementalHighlighter highlighter = new IncrementalHighlighter(doc::setStyleSpans,
                    () -> new IncrementalHighlighter.Window(screen[0], screen[1]));
            replace(doc, highlighter, 0, 0, script, 0);
            for (int step = 0; step < 120; step++) {
                if (step % 15 == 0) {
                    screen[0] = random.nextInt(doc.length());
                    screen[1] = screen[0] + 1_500;
                }
                Edit e = step % 9 == 0
                        ? new Edit(random.nextInt(200), 0, random.nextBoolean() ? "'" : "/*") // flips the rest
                        : randomEdit(random, new StringBuilder(doc.getText()));
                // the caret stays where the user looks: near the screen, or the edit is the far one
                replace(doc, highlighter, e.position, e.removed, e.inserted, Math.min(doc.length() + e.inserted.length()
                        - e.removed, screen[0]));
                deferred |= highlighter.hasStale();
                int from = Math.min(screen[0], doc.length());
                int to = Math.min(screen[1], doc.length());
                assertStyles(doc, highlighter, from, to, "seed " + seed + " step " + step + " " + e + " on screen");
                if (random.nextInt(4) == 0) {
                    highlighter.restyleStale(random.nextInt(20_000));
                }
            }
            while (highlighter.restyleStale(IncrementalHighlighter.CHARS_PER_FRAME)) {
                // frame after frame
            }
            assertThat(highlighter.hasStale()).isFalse();
            assertStyles(doc, highlighter, 0, doc.length(), "seed " + seed + " after the frames");
        }
        assertThat(deferred).as("some edits left styles to the frames").isTrue();
    }

    @Test
    void staleRangesMergeSplitAndMoveLikeASetOfCharacters() {
        Random random = new Random(11);
        StaleRanges ranges = new StaleRanges();
        List<Boolean> model = new ArrayList<>(Collections.nCopies(300, false));
        for (int step = 0; step < 3_000; step++) {
            int a = random.nextInt(model.size() + 1);
            int b = Math.min(model.size(), a + random.nextInt(40));
            switch (random.nextInt(3)) {
                case 0 -> {
                    ranges.add(a, b);
                    for (int i = a; i < b; i++) {
                        model.set(i, true);
                    }
                }
                case 1 -> {
                    ranges.remove(a, b);
                    for (int i = a; i < b; i++) {
                        model.set(i, false);
                    }
                }
                default -> {
                    // an edit: the removed characters go, the inserted ones are stale only inside a stale range
                    int inserted = random.nextInt(5);
                    boolean inside = a > 0 && model.get(a - 1) && b < model.size() && model.get(b);
                    ranges.edit(a, b - a, inserted, model.size() - (b - a) + inserted);
                    model.subList(a, b).clear();
                    model.addAll(a, Collections.nCopies(inserted, inside));
                    // inserted text at the border of a range may join it: the highlighter restyles it anyway
                    for (int i = a; i < a + inserted; i++) {
                        model.set(i, isIn(ranges, i));
                    }
                }
            }
            List<Boolean> actual = new ArrayList<>(Collections.nCopies(model.size(), false));
            int last = -1;
            for (int[] r : ranges.toList()) {
                assertThat(r[0]).as("sorted, apart, non-empty").isGreaterThan(last);
                assertThat(r[1]).isGreaterThan(r[0]).isLessThanOrEqualTo(model.size());
                for (int i = r[0]; i < r[1]; i++) {
                    actual.set(i, true);
                }
                last = r[1];
            }
            assertThat(actual).as("step %d", step).isEqualTo(model);
        }
    }

    private static boolean isIn(StaleRanges ranges, int offset) {
        return ranges.toList().stream().anyMatch(r -> r[0] <= offset && offset < r[1]);
    }

    private static void assertStyles(SimpleEditableStyledDocument<Collection<String>, Collection<String>> doc,
                                     IncrementalHighlighter h, int from, int to, String what) {
        String text = doc.getText();
        List<Set<String>> actual = perChar(doc.getStyleSpans(0, doc.length())).subList(from, to);
        List<Set<String>> expected = perChar(expectedStyles(text, h)).subList(from, to);
        int at = firstDifference(text.substring(from, to), actual, expected);
        assertThat(at).as("%s: styles differ at %d (%s instead of %s)", what, from + at,
                at >= 0 ? actual.get(at) : "-", at >= 0 ? expected.get(at) : "-").isEqualTo(-1);
    }

    @Test
    void openingACommentAtTheTopRestylesTheRestAndClosingItRestoresIt() {
        StringBuilder text = new StringBuilder(SCRIPT);
        TokenList tokens = TokenList.lex(text);
        text.insert(0, "/*");
        TokenList.Range opened = tokens.edit(text, 0, 0, 2);
        assertThat(opened.end()).as("the comment swallows up to the first */").isGreaterThan(SCRIPT.indexOf("*/"));
        assertThat(tokens.toList()).isEqualTo(SqlHighlighter.tokens(text.toString()));
        text.insert(2, "*/");
        TokenList.Range closed = tokens.edit(text, 2, 0, 2);
        assertThat(tokens.toList()).isEqualTo(SqlHighlighter.tokens(text.toString()));
        assertThat(closed.end()).isGreaterThan(SCRIPT.indexOf("*/"));
    }

    @Test
    void typingInsideALineReLexesOnlyThatLine() {
        StringBuilder text = new StringBuilder(SCRIPT.repeat(50));
        TokenList tokens = TokenList.lex(text);
        int at = text.indexOf("amount > 100.5") + 3;
        text.insert(at, 'x');
        TokenList.Range range = tokens.edit(text, at, 0, 1);
        int lineStart = text.lastIndexOf("\n", at) + 1;
        int lineEnd = text.indexOf("\n", at) + 1;
        assertThat(range.start()).isGreaterThanOrEqualTo(lineStart);
        assertThat(range.end()).isLessThanOrEqualTo(lineEnd);
        assertThat(tokens.toList()).isEqualTo(SqlHighlighter.tokens(text.toString()));
    }

    @Test
    void appendingToAnUnterminatedLiteralAtTheEndExtendsIt() {
        StringBuilder text = new StringBuilder("SELECT 'open\n");
        TokenList tokens = TokenList.lex(text);
        text.append("more");
        tokens.edit(text, 13, 0, 4);
        assertThat(tokens.toList()).containsExactly(new SqlLexer.Token(SqlLexer.Kind.KEYWORD, 0, 6),
                new SqlLexer.Token(SqlLexer.Kind.STRING, 7, 17));
    }

    private static StyleSpans<Collection<String>> expectedStyles(String text, IncrementalHighlighter h) {
        StyleSpans<Collection<String>> spans = SqlHighlighter.compute(text);
        // the markers the highlighter holds now (moved by the edits), then the bracket pair: as the editor shows them
        List<StyleOverlay.Range> markers = h.markers();
        spans = StyleOverlay.apply(spans, markers);
        BracketMatcher.Pair pair = h.brackets();
        if (pair != null) {
            spans = StyleOverlay.apply(spans, List.of(
                    new StyleOverlay.Range(pair.first(), pair.first() + 1, "bracket-match"),
                    new StyleOverlay.Range(pair.second(), pair.second() + 1, "bracket-match")));
        }
        return spans;
    }

    /** Line breaks are not stored as characters in the document model: their style is not compared. */
    private static int firstDifference(String text, List<Set<String>> a, List<Set<String>> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i >= a.size() || i >= b.size() || text.charAt(i) != '\n' && !a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The classes of each character (the document may keep equal neighbouring spans apart). */
    private static List<Set<String>> perChar(StyleSpans<Collection<String>> spans) {
        List<Set<String>> out = new ArrayList<>();
        spans.forEach(span -> {
            for (int i = 0; i < span.getLength(); i++) {
                out.add(Set.copyOf(span.getStyle()));
            }
        });
        return out;
    }

    private static void replace(SimpleEditableStyledDocument<Collection<String>, Collection<String>> doc,
                                IncrementalHighlighter h, int position, int removed, String inserted, int caret) {
        doc.replace(position, position + removed, ReadOnlyStyledDocument.fromString(inserted,
                Collections.emptyList(), Collections.emptyList(), SegmentOps.styledTextOps()));
        h.replaced(position, removed, inserted, caret);
    }

    private record Edit(int position, int removed, String inserted) {
    }

    private static Edit randomEdit(Random random, CharSequence text) {
        int position = random.nextInt(text.length() + 1);
        int kind = random.nextInt(3);
        int removed = kind == 0 ? 0 : Math.min(text.length() - position, random.nextInt(kind == 1 ? 4 : 30));
        String inserted = kind == 1 ? "" : SNIPPETS[random.nextInt(SNIPPETS.length)];
        return new Edit(position, removed, inserted);
    }
}
