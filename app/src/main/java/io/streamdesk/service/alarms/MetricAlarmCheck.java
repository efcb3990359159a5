package io.streamdesk.service.alarms;

import io.streamdesk.model.AlarmRule.MetricCondition;
import io.streamdesk.service.port.SeriesReader.Point;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * AL1 as a pure function: does a metric breach its threshold for N consecutive periods ending at {@code end}?
 * A period's value is the highest per-subject mean (the worst TaskManager or operator); for a cumulative metric it
 * is the increase within the period (positive steps only, so a restarted counter does not count as a drop).
 */
public final class MetricAlarmCheck {

    /** The verdict with the period values it was made from; empty when a period had no samples. */
    public record Verdict(boolean breached, List<Double> periodValues) {
        public String describe(MetricCondition c) {
            List<String> values = periodValues.stream().map(v -> String.format(Locale.ROOT, "%.3g", v)).toList();
            return c.metric() + (c.cumulative() ? " increase" : "") + " per " + c.period().toMinutes() + " min: " + values
                    + (breached ? " all " : " not all ") + c.comparison().symbol() + " " + c.threshold();
        }
    }

    private MetricAlarmCheck() {
    }

    /** @param points samples from at least {@code periods * period} before {@code end} (one period more for counters) */
    public static Optional<Verdict> evaluate(MetricCondition c, List<Point> points, Instant end) {
        Map<String, List<Point>> bySubject = new LinkedHashMap<>();
        points.stream().sorted(Comparator.comparing(Point::at))
                .forEach(p -> bySubject.computeIfAbsent(p.subject(), k -> new ArrayList<>()).add(p));
        List<Double> values = new ArrayList<>();
        boolean all = true;
        for (int i = c.periods() - 1; i >= 0; i--) {
            Instant to = end.minus(c.period().multipliedBy(i));
            Instant from = to.minus(c.period());
            Optional<Double> value = c.cumulative() ? increase(bySubject, from, to) : worstMean(bySubject, from, to);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
            all &= c.comparison().holds(value.get(), c.threshold());
        }
        return Optional.of(new Verdict(all, values));
    }

    private static Optional<Double> worstMean(Map<String, List<Point>> bySubject, Instant from, Instant to) {
        Optional<Double> worst = Optional.empty();
        for (List<Point> series : bySubject.values()) {
            var mean = series.stream().filter(p -> !p.at().isBefore(from) && p.at().isBefore(to))
                    .mapToDouble(Point::value).average();
            if (mean.isPresent()) {
                worst = Optional.of(worst.map(w -> Math.max(w, mean.getAsDouble())).orElse(mean.getAsDouble()));
            }
        }
        return worst;
    }

    private static Optional<Double> increase(Map<String, List<Point>> bySubject, Instant from, Instant to) {
        double sum = 0;
        boolean any = false;
        for (List<Point> series : bySubject.values()) {
            for (int i = 0; i < series.size(); i++) {
                Point p = series.get(i);
                if (p.at().isBefore(from) || !p.at().isBefore(to)) {
                    continue;
                }
                any = true;
                if (i > 0) {
                    double step = p.value() - series.get(i - 1).value();
                    sum += step > 0 ? step : 0;
                }
            }
        }
        return any ? Optional.of(sum) : Optional.empty();
    }
}
