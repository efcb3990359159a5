package io.streamdesk.ui.monitoring;

import java.util.List;

/**
 * What one chart shows: a title, a unit for its axis, lines, and why it is empty when it is. Plain data, built by
 * the view model off the UI thread.
 */
public record ChartData(String title, String unit, List<Line> lines, String emptyMessage) {

    /** One series: times (epoch ms, ascending) and values; NaN values are skipped. */
    public record Line(String name, long[] x, double[] y) {
        public int size() {
            return x.length;
        }
    }

    public boolean isEmpty() {
        return lines.stream().allMatch(l -> l.size() == 0);
    }

    public int points() {
        return lines.stream().mapToInt(Line::size).sum();
    }
}
