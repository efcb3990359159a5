package io.streamdesk.service.events;

import io.streamdesk.service.port.SeriesReader.Point;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Synthetic sample series for the rule tests: one sample per 30 s from a fixed start. */
final class Synthetic {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private Synthetic() {
    }

    static List<Point> series(String subject, double... values) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new Point(T0.plusSeconds(30L * i), subject, values[i]));
        }
        return points;
    }

    @SafeVarargs
    static List<Point> merge(List<Point>... series) {
        List<Point> all = new ArrayList<>();
        for (List<Point> s : series) {
            all.addAll(s);
        }
        return all;
    }
}
