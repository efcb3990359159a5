package io.streamdesk.ui.editor;

import io.streamdesk.ui.task.TaskExecutor;
import io.streamdesk.ui.task.UiThread;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.util.UndoUtils;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A CodeArea for Flink SQL: highlighting (off the FX thread for large texts, newest result wins), line numbers with
 * problem markers in the gutter, current-line highlight, bracket matching and problem underlines.
 */
public final class SqlCodeArea extends CodeArea {
    /** Below this size highlighting is cheaper than a thread hop and avoids a flash of plain text. */
    static final int SYNC_HIGHLIGHT_LIMIT = 20_000;

    private final TaskExecutor executor;
    private final UiThread ui;
    private final IntFunction<Node> lineNumbers = LineNumberFactory.get(this);
    private long generation;
    private StyleSpans<Collection<String>> baseSpans;
    private StyleSpans<Collection<String>> appliedSpans;
    private List<SqlLexer.Token> tokens = List.of();
    private List<ProblemMarkers.Marker> markers = List.of();
    private Map<Integer, List<ProblemMarkers.Marker>> markersByLine = Map.of();
    private BracketMatcher.Pair brackets;
    /** The spans set on the document last time, and the text edited since then: restyling patches only the change. */
    private StyleSpans<Collection<String>> lastSet;
    private final EditedRange edited = new EditedRange();

    public SqlCodeArea(TaskExecutor executor, UiThread ui) {
        this.executor = executor;
        this.ui = ui;
        getStyleClass().add("sql-area");
        // plain-text undo: restyling (highlight, markers) must not become undo steps
        setUndoManager(UndoUtils.plainTextUndoManager(this));
        // translucent grey reads as a current-line band on both themes; set before turning it on, which copies it
        setLineHighlighterFill(javafx.scene.paint.Color.rgb(128, 128, 128, 0.14));
        setLineHighlighterOn(true);
        setParagraphGraphicFactory(this::gutter);
        plainTextChanges().subscribe(change -> {
            edited.add(change.getPosition(), change.getRemoved().length(), change.getInserted().length());
            requestHighlight();
        });
        caretPositionProperty().addListener((o, a, b) -> updateBrackets());
    }

    /** Shows the problems: underline at each range and a marker in the gutter (tooltip = messages). */
    public void setMarkers(List<ProblemMarkers.Marker> newMarkers) {
        markers = List.copyOf(newMarkers);
        markersByLine = ProblemMarkers.byParagraph(markers);
        // forces the gutter to be rebuilt for every visible paragraph
        setParagraphGraphicFactory(null);
        setParagraphGraphicFactory(this::gutter);
        restyle();
    }

    public List<ProblemMarkers.Marker> markers() {
        return markers;
    }

    /** The 0-based lines that carry a problem marker in the gutter. */
    public java.util.Set<Integer> markedLines() {
        return markersByLine.keySet();
    }

    public void replaceAllText(String text) {
        replaceText(text);
        getUndoManager().forgetHistory();
        moveTo(0);
    }

    private Node gutter(int line) {
        Node number = lineNumbers.apply(line);
        List<ProblemMarkers.Marker> here = markersByLine.get(line);
        Node mark;
        if (here == null) {
            Region empty = new Region();
            empty.getStyleClass().add("gutter-marker-space");
            mark = empty;
        } else {
            Label icon = new Label(null, new FontIcon(Feather.ALERT_CIRCLE));
            icon.getStyleClass().add("gutter-error");
            Tooltip tip = new Tooltip(here.stream().map(m -> m.problem().format()).collect(Collectors.joining("\n")));
            tip.setShowDelay(Duration.millis(200));
            icon.setTooltip(tip);
            mark = icon;
        }
        HBox box = new HBox(mark, number);
        box.getStyleClass().add("sql-gutter");
        return box;
    }

    private void requestHighlight() {
        long gen = ++generation;
        String text = getText();
        if (text.length() < SYNC_HIGHLIGHT_LIMIT) {
            apply(Highlight.of(text));
            return;
        }
        executor.submit(() -> {
            Highlight h = Highlight.of(text);
            // newest result wins: a slower, older computation must not paint over a newer text
            ui.run(() -> {
                if (gen == generation && text.length() == getLength()) {
                    apply(h);
                }
            });
            return null;
        });
    }

    private void apply(Highlight h) {
        baseSpans = h.spans();
        tokens = h.tokens();
        updateBrackets();
    }

    private void updateBrackets() {
        BracketMatcher.Pair pair = baseSpans == null ? null : BracketMatcher.match(getText(), tokens, getCaretPosition());
        // caret moves are frequent: restyle the document only when something visible changed
        boolean changed = !java.util.Objects.equals(pair, brackets) || appliedSpans != baseSpans;
        brackets = pair;
        if (changed) {
            restyle();
        }
    }

    private void restyle() {
        if (baseSpans == null || baseSpans.length() != getLength()) {
            return;
        }
        List<StyleOverlay.Range> extra = new ArrayList<>();
        for (ProblemMarkers.Marker m : markers) {
            extra.add(new StyleOverlay.Range(m.start(), m.end(), "sql-error"));
        }
        if (brackets != null) {
            extra.add(new StyleOverlay.Range(brackets.first(), brackets.first() + 1, "bracket-match"));
            extra.add(new StyleOverlay.Range(brackets.second(), brackets.second() + 1, "bracket-match"));
        }
        StyleSpans<Collection<String>> next = StyleOverlay.apply(baseSpans, mergeOverlaps(extra));
        SpanPatch patch = SpanPatch.between(lastSet, next, edited.start(), edited.end());
        if (patch != null) {
            setStyleSpans(patch.start(), patch.spans());
        }
        lastSet = next;
        edited.clear();
        appliedSpans = baseSpans;
    }

    /** Overlapping ranges (two problems on one token) would break the span builder: keep the first. */
    private static List<StyleOverlay.Range> mergeOverlaps(List<StyleOverlay.Range> ranges) {
        List<StyleOverlay.Range> sorted = new ArrayList<>(ranges);
        sorted.sort(java.util.Comparator.comparingInt(StyleOverlay.Range::start));
        List<StyleOverlay.Range> out = new ArrayList<>();
        int end = -1;
        for (StyleOverlay.Range r : sorted) {
            if (r.start() >= end) {
                out.add(r);
                end = r.end();
            }
        }
        return out;
    }

    private record Highlight(StyleSpans<Collection<String>> spans, List<SqlLexer.Token> tokens) {
        static Highlight of(String text) {
            List<SqlLexer.Token> tokens = SqlLexer.tokenize(text);
            return new Highlight(SqlHighlighter.compute(text, tokens), tokens);
        }
    }
}
