package io.streamdesk.service.events;

import io.streamdesk.model.EventKind;
import io.streamdesk.service.port.SeriesReader.Point;

import java.util.List;
import java.util.Optional;

/** EV2 "JM CPU too high": above 80% for 5 consecutive samples. */
public final class JobManagerCpuRule {
    public static final double CPU_LIMIT = 0.80;
    public static final int CONSECUTIVE = 5;

    /** @param cpuLoad the JobManager's CPU load samples (0..1) in the window */
    public Optional<Finding> evaluate(List<Point> cpuLoad) {
        int run = Series.longestRunAbove(cpuLoad, CPU_LIMIT);
        if (run < CONSECUTIVE) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(EventKind.JM_CPU_TOO_HIGH,
                "The JobManager stayed above " + Series.percent(CPU_LIMIT) + " CPU for " + run + " consecutive samples",
                "mean " + Series.percent(Series.mean(cpuLoad)) + " over " + cpuLoad.size() + " samples",
                "Give the JobManager more CPU, lower the checkpoint frequency, or spread jobs over more clusters."));
    }
}
