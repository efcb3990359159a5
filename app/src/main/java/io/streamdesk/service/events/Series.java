package io.streamdesk.service.events;

import io.streamdesk.service.port.SeriesReader.Point;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small helpers over sample lists shared by the rules. */
final class Series {
    private Series() {
    }

    /** Samples grouped by subject, each group oldest first, subjects in order of first appearance. */
    static Map<String, List<Point>> bySubject(List<Point> points) {
        Map<String, List<Point>> groups = new LinkedHashMap<>();
        for (Point p : points) {
            groups.computeIfAbsent(p.subject(), k -> new ArrayList<>()).add(p);
        }
        groups.values().forEach(list -> list.sort(java.util.Comparator.comparing(Point::at)));
        return groups;
    }

    /** The longest run of consecutive samples strictly above {@code threshold}. */
    static int longestRunAbove(List<Point> points, double threshold) {
        int best = 0;
        int run = 0;
        for (Point p : points) {
            run = p.value() > threshold ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    /** Growth of a cumulative counter: the sum of its positive steps (a restarted process resets it to 0). */
    static double growth(List<Point> points) {
        double sum = 0;
        for (int i = 1; i < points.size(); i++) {
            double step = points.get(i).value() - points.get(i - 1).value();
            sum += step > 0 ? step : 0;
        }
        return sum;
    }

    static double mean(List<Point> points) {
        return points.stream().mapToDouble(Point::value).average().orElse(0);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }
}
