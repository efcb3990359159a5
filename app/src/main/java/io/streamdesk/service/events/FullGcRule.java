package io.streamdesk.service.events;

import io.streamdesk.model.EventKind;
import io.streamdesk.service.port.SeriesReader.Point;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * EV2 "full GC too long": the old-generation GC time of a TaskManager (or the JobManager) grew by more than 30%
 * of the window (over 90 s in 5 minutes).
 */
public final class FullGcRule {
    public static final double SHARE_OF_WINDOW = 0.30;

    private final EventKind kind;

    private FullGcRule(EventKind kind) {
        this.kind = kind;
    }

    public static FullGcRule taskManagers() {
        return new FullGcRule(EventKind.TM_FULL_GC_TOO_LONG);
    }

    public static FullGcRule jobManager() {
        return new FullGcRule(EventKind.JM_FULL_GC_TOO_LONG);
    }

    /** @param oldGcTimeMs cumulative old-GC time samples (ms) of each process in the window */
    public Optional<Finding> evaluate(List<Point> oldGcTimeMs, Duration window) {
        double limitMs = window.toMillis() * SHARE_OF_WINDOW;
        List<String> offenders = new ArrayList<>();
        for (Map.Entry<String, List<Point>> e : Series.bySubject(oldGcTimeMs).entrySet()) {
            double grown = Series.growth(e.getValue());
            if (grown > limitMs) {
                offenders.add(String.format(Locale.ROOT, "%s: old-GC time grew %.1f s in %d s (limit %.1f s)",
                        e.getKey(), grown / 1000, window.toSeconds(), limitMs / 1000));
            }
        }
        if (offenders.isEmpty()) {
            return Optional.empty();
        }
        String who = kind == EventKind.JM_FULL_GC_TOO_LONG ? "The JobManager" : offenders.size() + " TaskManager(s)";
        return Optional.of(Finding.of(kind,
                who + " spent more than " + Series.percent(SHARE_OF_WINDOW) + " of the last "
                        + window.toMinutes() + " min in full garbage collection",
                String.join("\n", offenders),
                kind == EventKind.JM_FULL_GC_TOO_LONG
                        ? "Raise the JobManager heap (jobmanager.memory.process.size) or reduce the number of jobs and checkpoints it tracks."
                        : "Raise the TaskManager heap (taskmanager.memory.task.heap.size), raise the parallelism, or move large state to RocksDB."));
    }
}
