package io.streamdesk.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An alarm rule (AL1, AL2): a metric condition or an event pattern, the jobs it watches, where it delivers.
 *
 * @param metric       the metric condition of a METRIC rule, else null
 * @param eventPattern the pattern JSON of an EVENT rule, else null
 * @param silencedUntil no notification before this time, or null
 */
public record AlarmRule(long id, String name, Kind kind, boolean enabled, Scope scope, MetricCondition metric,
                        String eventPattern, Channels channels, Instant silencedUntil, Instant createdAt) {

    public enum Kind { METRIC, EVENT }

    public enum ScopeType { ONE, SEVERAL, WORKSPACE, TAG }

    public enum Comparison {
        ABOVE(">"), AT_OR_ABOVE(">="), BELOW("<"), AT_OR_BELOW("<=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean holds(double value, double threshold) {
            return switch (this) {
                case ABOVE -> value > threshold;
                case AT_OR_ABOVE -> value >= threshold;
                case BELOW -> value < threshold;
                case AT_OR_BELOW -> value <= threshold;
            };
        }
    }

    /** Which jobs: one, several (by id), all of the workspace, or those carrying {@code tag}. */
    public record Scope(ScopeType type, List<JobId> jobs, String tag) {
        public Scope {
            jobs = jobs == null ? List.of() : List.copyOf(jobs);
        }

        public static Scope workspace() {
            return new Scope(ScopeType.WORKSPACE, List.of(), null);
        }
    }

    /**
     * @param cumulative the metric is a counter (restarts, failed checkpoints): compare its increase per period
     */
    public record MetricCondition(String metric, Comparison comparison, double threshold, int periods,
                                  Duration period, boolean cumulative) {
    }

    /** Delivery targets; null or blank webhook/email means not used. Secrets are ids into the secret store. */
    public record Channels(boolean inApp, boolean desktop, String webhookUrl, String webhookSecretId, String emailTo) {
        public static Channels inAppOnly() {
            return new Channels(true, true, null, null, null);
        }
    }

    public AlarmRule withId(long newId) {
        return new AlarmRule(newId, name, kind, enabled, scope, metric, eventPattern, channels, silencedUntil, createdAt);
    }

    public AlarmRule silencedUntil(Instant until) {
        return new AlarmRule(id, name, kind, enabled, scope, metric, eventPattern, channels, until, createdAt);
    }

    public boolean silencedAt(Instant now) {
        return silencedUntil != null && now.isBefore(silencedUntil);
    }
}
