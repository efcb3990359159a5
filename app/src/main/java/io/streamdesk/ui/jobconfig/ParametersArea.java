package io.streamdesk.ui.jobconfig;

import io.streamdesk.service.jobconfig.ConfigProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
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
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.util.UndoUtils;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The YAML editor of the advanced parameters: line numbers, keys and comments coloured, and each problem marked on
 * its line (underline + gutter icon with the message as tooltip). The text is small (64K at most), so it is styled
 * on the FX thread.
 */
final class ParametersArea extends CodeArea {
    private final IntFunction<Node> lineNumbers = LineNumberFactory.get(this);
    private Map<Integer, List<ConfigProblem>> problemsByLine = Map.of();

    ParametersArea() {
        getStyleClass().addAll("config-area", "sql-area");
        setUndoManager(UndoUtils.plainTextUndoManager(this));
        setParagraphGraphicFactory(this::gutter);
        plainTextChanges().subscribe(c -> restyle());
    }

    /** Marks the problems that have a line; the 1-based lines of {@link ConfigProblem} become paragraphs. */
    void setProblems(List<ConfigProblem> problems) {
        Map<Integer, List<ConfigProblem>> byLine = new LinkedHashMap<>();
        for (ConfigProblem p : problems) {
            if (p.line() > 0) {
                byLine.computeIfAbsent(p.line() - 1, k -> new ArrayList<>()).add(p);
            }
        }
        problemsByLine = byLine;
        setParagraphGraphicFactory(null);
        setParagraphGraphicFactory(this::gutter);
        restyle();
    }

    /** 0-based paragraphs that carry a marker. */
    java.util.Set<Integer> markedLines() {
        return problemsByLine.keySet();
    }

    void replaceAllText(String text) {
        replaceText(text);
        getUndoManager().forgetHistory();
        moveTo(0);
    }

    private void restyle() {
        String text = getText();
        if (text.isEmpty()) {
            return;
        }
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            List<ConfigProblem> here = problemsByLine.get(i);
            String marker = here == null ? null
                    : here.stream().anyMatch(ConfigProblem::isError) ? "config-error-line" : "config-warning-line";
            // a bad value (a problem with a column) is underlined from the value on, other problems the whole line
            int markFrom = here == null ? line.length()
                    : here.stream().allMatch(p -> p.column() > 0)
                    ? Math.min(line.length(), here.stream().mapToInt(p -> p.column() - 1).min().orElse(0)) : 0;
            int keyEnd = line.indexOf(": ");
            if (line.strip().startsWith("#")) {
                segment(spans, "config-comment", marker, 0, line.length(), markFrom);
            } else if (keyEnd > 0) {
                segment(spans, "config-key", marker, 0, keyEnd, markFrom);
                segment(spans, null, marker, keyEnd, line.length(), markFrom);
            } else {
                segment(spans, null, marker, 0, line.length(), markFrom);
            }
            if (i < lines.length - 1) {
                spans.add(Collections.emptyList(), 1);
            }
        }
        StyleSpans<Collection<String>> built = spans.create();
        setStyleSpans(0, built);
    }

    /** Characters {@code [start, end)} of a line: {@code token} style, and {@code marker} from {@code markFrom} on. */
    private static void segment(StyleSpansBuilder<Collection<String>> spans, String token, String marker, int start,
                                int end, int markFrom) {
        int split = Math.max(start, Math.min(end, markFrom));
        spans.add(styles(token, null), split - start);
        spans.add(styles(token, marker), end - split);
    }

    private static Collection<String> styles(String token, String marker) {
        List<String> s = new ArrayList<>(2);
        if (token != null) {
            s.add(token);
        }
        if (marker != null) {
            s.add(marker);
        }
        return s;
    }

    private Node gutter(int line) {
        Node number = lineNumbers.apply(line);
        List<ConfigProblem> here = problemsByLine.get(line);
        Node mark;
        if (here == null) {
            Region empty = new Region();
            empty.getStyleClass().add("gutter-marker-space");
            mark = empty;
        } else {
            boolean error = here.stream().anyMatch(ConfigProblem::isError);
            Label icon = new Label(null, new FontIcon(error ? Feather.ALERT_CIRCLE : Feather.ALERT_TRIANGLE));
            icon.getStyleClass().add(error ? "gutter-error" : "gutter-warning");
            Tooltip tip = new Tooltip(here.stream().map(ConfigProblem::describe).collect(Collectors.joining("\n")));
            tip.setShowDelay(Duration.millis(200));
            icon.setTooltip(tip);
            mark = icon;
        }
        HBox box = new HBox(mark, number);
        box.getStyleClass().add("sql-gutter");
        return box;
    }
}
