package io.streamdesk.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.util.UndoUtils;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A CodeArea for Flink SQL: highlighting, line numbers with problem markers in the gutter, current-line highlight,
 * bracket matching and problem underlines. Highlighting is incremental ({@link IncrementalHighlighter}): a keystroke
 * re-lexes and restyles about one line on the FX thread, whatever the size of the script (E5). An edit that changes
 * the styles of far more than the screen (a quote at the top of a long script, a new text) restyles what is on screen
 * at once and the rest a chunk per frame (issue 14).
 */
public final class SqlCodeArea extends CodeArea {
    /** Around the caret when no paragraph is laid out (the area not shown yet): as much as a tall screen shows. */
    private static final int UNLAID_WINDOW = 8_000;
    /** What the last layout showed; null before the first layout or when it showed nothing. */
    private IncrementalHighlighter.Window laidOutWindow;
    private final IntFunction<Node> lineNumbers = LineNumberFactory.get(this);
    private final IncrementalHighlighter highlighter =
            new IncrementalHighlighter(this::setStyleSpans, this::visibleWindow);
    /** Restyles the stale styles a chunk per frame; stops itself when nothing is stale. */
    private final AnimationTimer restyler = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!highlighter.restyleStale(IncrementalHighlighter.CHARS_PER_FRAME)) {
                stop();
            }
        }
    };
    private List<ProblemMarkers.Marker> markers = List.of();
    private Map<Integer, List<ProblemMarkers.Marker>> markersByLine = Map.of();

    public SqlCodeArea() {
        getStyleClass().add("sql-area");
        // plain-text undo: restyling (highlight, markers) must not become undo steps
        setUndoManager(UndoUtils.plainTextUndoManager(this));
        // translucent grey reads as a current-line band on both themes; set before turning it on, which copies it
        setLineHighlighterFill(javafx.scene.paint.Color.rgb(128, 128, 128, 0.14));
        setLineHighlighterOn(true);
        setParagraphGraphicFactory(this::gutter);
        plainTextChanges().subscribe(change -> {
            int removed = change.getRemoved().length();
            String inserted = change.getInserted();
            highlighter.replaced(change.getPosition(), removed, inserted, getCaretPosition());
            if (!markers.isEmpty() && (change.getRemoved().indexOf('\n') >= 0 || inserted.indexOf('\n') >= 0)) {
                moveMarkers(change.getPosition(), removed, inserted.length());
            }
            restyleLater();
        });
        caretPositionProperty().addListener((o, a, b) -> {
            // a caret moved by an edit may be reported before the edit reached the highlighter, which then matches
            // the brackets itself
            if (highlighter.length() == getLength()) {
                highlighter.caretMoved(b);
                restyleLater();
            }
        });
    }

    /** Whether some styles far from the screen are still being brought up to date, a chunk per frame. */
    public boolean restylePending() {
        return highlighter.hasStale();
    }

    /** Brings every style up to date now (tests, a snapshot of the whole text). */
    public void restyleAll() {
        highlighter.restyleStale(Integer.MAX_VALUE);
        restyler.stop();
    }

    private void restyleLater() {
        if (highlighter.hasStale()) {
            restyler.start();
        }
    }

    /**
     * The characters on screen as of the last layout; before the first one, those near the caret. Asking RichTextFX
     * for the visible paragraphs during an edit would lay out the whole flow then and there (it did: a tenth of
     * opening a job page), so the window is read after each layout instead; an edit's own range is covered by the
     * window around the caret, and a window that lags behind an edit is caught up by the next frame.
     */
    private IncrementalHighlighter.Window visibleWindow() {
        if (laidOutWindow != null) {
            return laidOutWindow;
        }
        int caret = getCaretPosition();
        return new IncrementalHighlighter.Window(caret - UNLAID_WINDOW, caret + UNLAID_WINDOW);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        laidOutWindow = null;
        int paragraphs = getParagraphs().size();
        try {
            // the flow was just resized; asking for its cells lays it out now instead of right after this method
            int first = firstVisibleParToAllParIndex();
            int last = lastVisibleParToAllParIndex();
            if (first >= 0 && first <= last && last < paragraphs) {
                laidOutWindow = new IncrementalHighlighter.Window(getAbsolutePosition(first, 0),
                        getAbsolutePosition(last, getParagraphLength(last)));
            }
        } catch (RuntimeException e) {
            // no visible cell: RichTextFX throws rather than answer
        }
    }

    /** Shows the problems: underline at each range and a marker in the gutter (tooltip = messages). */
    public void setMarkers(List<ProblemMarkers.Marker> newMarkers) {
        markers = List.copyOf(newMarkers);
        showMarkersInGutter();
        highlighter.setMarkers(markers.stream().map(m -> new StyleOverlay.Range(m.start(), m.end(), "sql-error"))
                .toList());
        restyleLater();
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

    /** The bracket pair highlighted now, or null. */
    public BracketMatcher.Pair matchedBrackets() {
        return highlighter.brackets();
    }

    /** Lines were added or removed: the gutter marks follow their problem's text (the underlines move by themselves). */
    private void moveMarkers(int position, int removed, int inserted) {
        List<ProblemMarkers.Marker> moved = new ArrayList<>(markers.size());
        for (ProblemMarkers.Marker m : markers) {
            int start = Math.min(IncrementalHighlighter.movedStart(m.start(), position, removed, inserted), getLength());
            int end = Math.max(start, IncrementalHighlighter.movedEnd(m.end(), position, removed, inserted));
            int paragraph = offsetToPosition(start, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
            moved.add(new ProblemMarkers.Marker(m.problem(), paragraph, start, end));
        }
        markers = List.copyOf(moved);
        Map<Integer, List<ProblemMarkers.Marker>> byLine = ProblemMarkers.byParagraph(markers);
        if (byLine.keySet().equals(markersByLine.keySet())) {
            markersByLine = byLine;
        } else {
            showMarkersInGutter();
        }
    }

    private void showMarkersInGutter() {
        markersByLine = ProblemMarkers.byParagraph(markers);
        // forces the gutter to be rebuilt for every visible paragraph
        setParagraphGraphicFactory(null);
        setParagraphGraphicFactory(this::gutter);
    }
}
