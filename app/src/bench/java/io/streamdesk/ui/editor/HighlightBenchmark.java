package io.streamdesk.ui.editor;

import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.SimpleEditableStyledDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * E5: what {@link SqlCodeArea} does on the FX thread after a keystroke in a 10,000-line script, minus painting:
 * insert a character into the document, then {@link IncrementalHighlighter}: re-lex around the edit, match brackets
 * at the caret, set the styles of the re-lexed range near the screen (60 lines at the top, where the quote is typed)
 * and the caret on the document model, then one frame's chunk of the stale rest ({@link SqlCodeArea}'s timer runs one
 * per frame: the most a next keystroke can wait behind). The document is RichTextFX's own model, so no toolkit is
 * needed. Sample mode reports percentiles: read p0.99. {@code quoteAtTop} is the worst case on purpose: a quote typed
 * on the first line turns the whole script inside out, so all of it is re-lexed and its styles change;
 * {@code quoteAtTopAllRestyled} adds the frames until every style is up to date (the whole FX work, spread over
 * frames in the editor).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class HighlightBenchmark {
    private SimpleEditableStyledDocument<Collection<String>, Collection<String>> doc;
    private IncrementalHighlighter highlighter;
    private int caret;
    private int bracket;
    private int typed;

    @Setup
    public void setUp() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            sb.append(switch (i % 5) {
                case 0 -> "CREATE TABLE t" + i + " (id BIGINT, v STRING) WITH ('connector' = 'datagen');";
                case 1 -> "INSERT INTO sink SELECT id, UPPER(v) AS name -- note " + i;
                case 2 -> "FROM t" + (i - 2) + " WHERE id > " + i + " AND v <> 'x';";
                case 3 -> "/* block comment " + i + " */";
                default -> "";
            }).append('\n');
        }
        doc = new SimpleEditableStyledDocument<>(Collections.emptyList(), Collections.emptyList());
        int top = 0;
        for (int line = 0; line < 60; line++) {
            top = sb.indexOf("\n", top) + 1;
        }
        IncrementalHighlighter.Window screen = new IncrementalHighlighter.Window(0, top);
        highlighter = new IncrementalHighlighter(doc::setStyleSpans, () -> screen);
        caret = sb.length() / 2;
        bracket = sb.indexOf("(", caret) + 1;
        replace(0, 0, sb.toString(), caret);
        highlighter.restyleStale(Integer.MAX_VALUE);
    }

    /** A caret move: match the bracket at the caret and restyle the bracket characters that changed. */
    @Benchmark
    public Object caretMove() {
        // alternate between just after an opening bracket and plain text
        int at = typed++ % 2 == 0 ? bracket : bracket + 3;
        highlighter.caretMoved(at);
        return highlighter.brackets();
    }

    @Benchmark
    public Object keystrokeThenRehighlight() {
        // type a character in the middle (alternating insert/delete keeps the size stable)
        boolean insert = typed++ % 2 == 0;
        if (insert) {
            replace(caret, 0, "a", caret + 1);
        } else {
            replace(caret, 1, "", caret);
        }
        highlighter.restyleStale(IncrementalHighlighter.CHARS_PER_FRAME);
        return highlighter.brackets();
    }

    /** Worst case: a quote at the top flips strings and code for the rest of the script, then goes away again. */
    @Benchmark
    public Object quoteAtTop() {
        boolean insert = typed++ % 2 == 0;
        if (insert) {
            replace(0, 0, "'", 1);
        } else {
            replace(0, 1, "", 0);
        }
        highlighter.restyleStale(IncrementalHighlighter.CHARS_PER_FRAME);
        return highlighter.brackets();
    }

    /** {@link #quoteAtTop} and then every frame's chunk until no style is stale. */
    @Benchmark
    public Object quoteAtTopAllRestyled() {
        boolean insert = typed++ % 2 == 0;
        if (insert) {
            replace(0, 0, "'", 1);
        } else {
            replace(0, 1, "", 0);
        }
        while (highlighter.restyleStale(IncrementalHighlighter.CHARS_PER_FRAME)) {
            // one frame each in the editor
        }
        return highlighter.brackets();
    }

    private void replace(int position, int removed, String inserted, int caretAfter) {
        doc.replace(position, position + removed, ReadOnlyStyledDocument.fromString(inserted,
                Collections.emptyList(), Collections.emptyList(), SegmentOps.styledTextOps()));
        highlighter.replaced(position, removed, inserted, caretAfter);
    }
}
