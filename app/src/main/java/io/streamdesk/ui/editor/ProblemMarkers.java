package io.streamdesk.ui.editor;

import io.streamdesk.model.sql.SqlLexer;
import io.streamdesk.model.SqlProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps SQL problems (1-based line and column of the whole script) to text ranges and gutter lines. Parsers point at
 * the start of the offending token; the range runs to the end of that token so the underline covers the word.
 */
public final class ProblemMarkers {

    /** Where a problem sits in the text: {@code [start, end)} and its 0-based paragraph. */
    public record Marker(SqlProblem problem, int paragraph, int start, int end) {
    }

    private ProblemMarkers() {
    }

    public static List<Marker> markers(String text, List<SqlProblem> problems) {
        int[] lineStarts = lineStarts(text);
        List<Marker> result = new ArrayList<>();
        for (SqlProblem p : problems) {
            result.add(marker(text, lineStarts, p));
        }
        result.sort(Comparator.comparingInt(Marker::start));
        return result;
    }

    /** Problems by 0-based paragraph, for the gutter. */
    public static Map<Integer, List<Marker>> byParagraph(List<Marker> markers) {
        Map<Integer, List<Marker>> map = new TreeMap<>();
        for (Marker m : markers) {
            map.computeIfAbsent(m.paragraph(), k -> new ArrayList<>()).add(m);
        }
        return map;
    }

    /** Offset of a 1-based line and column, clamped into the text (a stale problem must never throw). */
    public static int offsetOf(String text, int line, int column) {
        int[] starts = lineStarts(text);
        int paragraph = clamp(line - 1, 0, starts.length - 1);
        int lineEnd = lineEnd(text, starts, paragraph);
        return clamp(starts[paragraph] + Math.max(column, 1) - 1, starts[paragraph], lineEnd);
    }

    static Marker marker(String text, int[] lineStarts, SqlProblem p) {
        int paragraph = clamp(p.line() - 1, 0, lineStarts.length - 1);
        int lineStart = lineStarts[paragraph];
        int lineEnd = lineEnd(text, lineStarts, paragraph);
        int start = clamp(lineStart + Math.max(p.column(), 1) - 1, lineStart, lineEnd);
        int end = tokenEnd(text, start, lineEnd);
        if (end == start) {
            // nothing to underline at the position (end of line, blank): mark the last visible char before it
            if (start > lineStart) {
                start = start - 1;
                end = start + 1;
            } else if (lineEnd > lineStart) {
                end = Math.min(lineStart + 1, lineEnd);
            }
        }
        return new Marker(p, paragraph, start, end);
    }

    /** End of the lexeme at {@code start} (a word, a quoted literal, a comment, one other character), within its line. */
    static int tokenEnd(String text, int start, int lineEnd) {
        if (start >= lineEnd || Character.isWhitespace(text.charAt(start))) {
            return start;
        }
        int[] end = {start + 1};
        SqlLexer.scan(text, start, (kind, from, to) -> end[0] = to);
        return Math.min(end[0], lineEnd);
    }

    static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineEnd(String text, int[] starts, int paragraph) {
        return paragraph + 1 < starts.length ? starts[paragraph + 1] - 1 : text.length();
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
