package io.streamdesk.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WARN lines for failures of periodic work (reconcile, detectors) that would otherwise repeat every few seconds:
 * one line per kind and period, with the count of those left out. Errors are never dropped silently, nor do they
 * flood the log.
 */
public final class RateLimitedLog {
    private final Logger log;
    private final long periodNanos;
    private final Map<String, long[]> lastAndSuppressed = new ConcurrentHashMap<>();

    public RateLimitedLog(Class<?> owner, Duration period) {
        this.log = LoggerFactory.getLogger(owner);
        this.periodNanos = period.toNanos();
    }

    /** Logs {@code message} at WARN unless a line of this {@code kind} was logged within the period. */
    public void warn(String kind, String message) {
        long now = System.nanoTime();
        long[] entry = lastAndSuppressed.computeIfAbsent(kind, k -> new long[] {now - periodNanos - 1, 0});
        synchronized (entry) {
            if (now - entry[0] < periodNanos) {
                entry[1]++;
                return;
            }
            long suppressed = entry[1];
            entry[0] = now;
            entry[1] = 0;
            log.warn(suppressed == 0 ? "{}" : "{} ({} more like it in the last period)", message, suppressed);
        }
    }
}
