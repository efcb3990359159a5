package io.streamdesk.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Failures of background work (status checks, sampling, detection, lease renewal, store writes nobody waits for),
 * collected so none is swallowed: each is logged at WARN, at most once a minute per source (with how many were not
 * logged in between), and one that repeats is shown in the status bar until its source succeeds again.
 * View models observe it through {@link #addListener}; calls come from any thread.
 */
public final class BackgroundProblems {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundProblems.class);
    /** How often one source's failures are logged. */
    static final Duration LOG_EVERY = Duration.ofMinutes(1);
    /** Failures in a row after which a source's problem is persistent (shown, not only logged). */
    static final int PERSISTENT_AFTER = 3;
    /** Bound on the sources kept; background work has a handful. */
    private static final int MAX_SOURCES = 64;

    /**
     * The latest failure of one source.
     *
     * @param failuresInARow failures since its last success
     * @param since          the first of those failures
     */
    public record Problem(String source, String message, int failuresInARow, Instant since, Instant lastAt) {
        public boolean persistent() {
            return failuresInARow >= PERSISTENT_AFTER;
        }

        /** "Status check: Reading jobs failed: … (5 times since 10:15:02)". */
        public String summary() {
            return source + ": " + message;
        }
    }

    private final Clock clock;
    private final Map<String, Problem> problems = new LinkedHashMap<>();
    private final Map<String, Instant> lastLogged = new LinkedHashMap<>();
    private final Map<String, Integer> unlogged = new LinkedHashMap<>();
    private final List<Consumer<List<Problem>>> listeners = new CopyOnWriteArrayList<>();

    public BackgroundProblems(Clock clock) {
        this.clock = clock;
    }

    /** Records a failure of {@code source} ("Status check", "Metric sampling", ...). */
    public void report(String source, Throwable error) {
        report(source, messageOf(error), error);
    }

    public void report(String source, String message, Throwable error) {
        Instant now = clock.instant();
        boolean log;
        int skipped;
        synchronized (this) {
            Problem previous = problems.get(source);
            if (previous == null && problems.size() >= MAX_SOURCES) {
                problems.remove(problems.keySet().iterator().next());
            }
            problems.put(source, new Problem(source, message, previous == null ? 1 : previous.failuresInARow() + 1,
                    previous == null ? now : previous.since(), now));
            Instant logged = lastLogged.get(source);
            log = logged == null || !now.isBefore(logged.plus(LOG_EVERY));
            if (log) {
                lastLogged.put(source, now);
                skipped = unlogged.getOrDefault(source, 0);
                unlogged.put(source, 0);
            } else {
                skipped = 0;
                unlogged.merge(source, 1, Integer::sum);
            }
        }
        if (log) {
            String more = skipped == 0 ? "" : " (" + skipped + " more since the last report)";
            if (error != null && skipped == 0 && LOG.isDebugEnabled()) {
                LOG.warn("{} failed{}: {}", source, more, message, error);
            } else {
                LOG.warn("{} failed{}: {}", source, more, message);
            }
        }
        fire();
    }

    /** {@code source} worked: its problem, if any, is over. */
    public void succeeded(String source) {
        boolean changed;
        synchronized (this) {
            changed = problems.remove(source) != null;
            if (changed) {
                lastLogged.remove(source);
                unlogged.remove(source);
            }
        }
        if (changed) {
            LOG.info("{} works again", source);
            fire();
        }
    }

    /** Runs {@code work}, reporting a failure or its success under {@code source}; never throws. */
    public void guard(String source, Runnable work) {
        try {
            work.run();
            succeeded(source);
        } catch (RuntimeException e) {
            report(source, e);
        }
    }

    /** Current problems, newest first. */
    public synchronized List<Problem> current() {
        List<Problem> all = new ArrayList<>(problems.values());
        all.sort(Comparator.comparing(Problem::lastAt).reversed());
        return all;
    }

    /** The newest persistent problem, if any: what the status bar shows. */
    public Optional<Problem> latestPersistent() {
        return current().stream().filter(Problem::persistent).findFirst();
    }

    /** Called with {@link #current()} after every change, on the reporting thread. */
    public void addListener(Consumer<List<Problem>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<List<Problem>> listener) {
        listeners.remove(listener);
    }

    private void fire() {
        List<Problem> now = current();
        for (Consumer<List<Problem>> l : listeners) {
            try {
                l.accept(now);
            } catch (RuntimeException e) {
                LOG.warn("A background-problem listener failed", e);
            }
        }
    }

    private static String messageOf(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
