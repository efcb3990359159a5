package io.streamdesk.service.events;

import io.streamdesk.model.EventKind;
import io.streamdesk.service.port.SeriesReader.Point;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** EV2 "TM CPU too high": a TM above 90% for 5 consecutive samples, on more than 80% of the job's TMs. */
public final class TaskManagerCpuRule {
    public static final double CPU_LIMIT = 0.90;
    public static final int CONSECUTIVE = 5;
    public static final double SHARE_OF_TASK_MANAGERS = 0.80;

    /** @param cpuLoad CPU load samples (0..1) of each of the job's TaskManagers in the window */
    public Optional<Finding> evaluate(List<Point> cpuLoad) {
        Map<String, List<Point>> byTm = Series.bySubject(cpuLoad);
        if (byTm.isEmpty()) {
            return Optional.empty();
        }
        List<String> hot = new ArrayList<>();
        for (Map.Entry<String, List<Point>> e : byTm.entrySet()) {
            if (Series.longestRunAbove(e.getValue(), CPU_LIMIT) >= CONSECUTIVE) {
                hot.add(e.getKey() + ": mean " + Series.percent(Series.mean(e.getValue())));
            }
        }
        if (hot.size() <= SHARE_OF_TASK_MANAGERS * byTm.size()) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(EventKind.TM_CPU_TOO_HIGH,
                hot.size() + " of " + byTm.size() + " TaskManagers stayed above " + Series.percent(CPU_LIMIT)
                        + " CPU for " + CONSECUTIVE + " consecutive samples",
                String.join("\n", hot),
                "Raise the parallelism or the TaskManagers' CPU (taskmanager.cpu.cores / more TaskManagers); look for a hot operator in the Tasks metrics."));
    }
}
