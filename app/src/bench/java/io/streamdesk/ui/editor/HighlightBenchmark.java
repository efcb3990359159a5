package io.streamdesk.ui.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.SimpleEditableStyledDocument;
import org.fxmisc.richtext.model.StyleSpans;
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
 * E5: what {@link SqlCodeArea} does after a keystroke in a 10,000-line script, minus painting: insert a character
 * into the document, take its text, lex it and build the style spans (on a worker in the app), then match brackets,
 * overlay problem/bracket styles and set the spans on the document model (on the FX thread in the app). The document
 * is RichTextFX's own model, so no toolkit is needed. Sample mode reports percentiles: read p0.99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class HighlightBenchmark {
    private SimpleEditableStyledDocument<Collection<String>, Collection<String>> doc;
    private int caret;
    private int typed;
    private StyleSpans<Collection<String>> baseSpans;
    private StyleSpans<Collection<String>> lastSet;
    private List<SqlLexer.Token> baseTokens;

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
        doc.replace(0, 0, ReadOnlyStyledDocument.fromString(sb.toString(), Collections.emptyList(),
                Collections.emptyList(), SegmentOps.styledTextOps()));
        caret = sb.length() / 2;
        doc.setStyleSpans(0, SqlHighlighter.compute(doc.getText()));
        baseTokens = SqlLexer.tokenize(doc.getText());
        baseSpans = SqlHighlighter.compute(doc.getText(), baseTokens);
        lastSet = baseSpans;
    }

    /** Only the part on the FX thread once the worker delivered the spans: brackets, overlay, set on the model. */
    @Benchmark
    public StyleSpans<Collection<String>> fxThreadPart() {
        String text = doc.getText();
        BracketMatcher.Pair pair = BracketMatcher.match(text, baseTokens, caret);
        List<StyleOverlay.Range> extra = new ArrayList<>();
        if (pair != null) {
            extra.add(new StyleOverlay.Range(pair.first(), pair.first() + 1, "bracket-match"));
            extra.add(new StyleOverlay.Range(pair.second(), pair.second() + 1, "bracket-match"));
        }
        StyleSpans<Collection<String>> spans = StyleOverlay.apply(baseSpans, extra);
        SpanPatch patch = SpanPatch.between(baseSpans, spans, caret, caret + 1);
        if (patch != null) {
            doc.setStyleSpans(patch.start(), patch.spans());
        }
        return spans;
    }

    @Benchmark
    public StyleSpans<Collection<String>> keystrokeThenRehighlight() {
        // type a character in the middle (alternating insert/delete keeps the size stable)
        boolean insert = typed++ % 2 == 0;
        if (insert) {
            doc.replace(caret, caret, ReadOnlyStyledDocument.fromString("a", Collections.emptyList(),
                    Collections.emptyList(), SegmentOps.styledTextOps()));
        } else {
            doc.replace(caret, caret + 1, ReadOnlyStyledDocument.fromString("", Collections.emptyList(),
                    Collections.emptyList(), SegmentOps.styledTextOps()));
        }
        String text = doc.getText();
        List<SqlLexer.Token> tokens = SqlLexer.tokenize(text);
        StyleSpans<Collection<String>> base = SqlHighlighter.compute(text, tokens);
        BracketMatcher.Pair pair = BracketMatcher.match(text, tokens, caret);
        List<StyleOverlay.Range> extra = new ArrayList<>();
        if (pair != null) {
            extra.add(new StyleOverlay.Range(pair.first(), pair.first() + 1, "bracket-match"));
            extra.add(new StyleOverlay.Range(pair.second(), pair.second() + 1, "bracket-match"));
        }
        StyleSpans<Collection<String>> spans = StyleOverlay.apply(base, extra);
        // as SqlCodeArea.restyle: only the styles that changed since the last set, plus the edited range
        SpanPatch patch = SpanPatch.between(lastSet, spans, caret, insert ? caret + 1 : caret);
        if (patch != null) {
            doc.setStyleSpans(patch.start(), patch.spans());
        }
        lastSet = spans;
        return spans;
    }
}
