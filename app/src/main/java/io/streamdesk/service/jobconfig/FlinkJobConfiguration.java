package io.streamdesk.service.jobconfig;

import io.streamdesk.model.JobConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Flink configuration a version is compiled and submitted with: its parameters, {@code execution.runtime-mode}
 * (J1), {@code parallelism.default} (P5) and, when the user allows it, ignoring state no operator claims. The log
 * level is not part of it: on a shared session cluster it is the cluster's, not the job's (P6).
 */
public final class FlinkJobConfiguration {
    public static final String RUNTIME_MODE = "execution.runtime-mode";
    public static final String DEFAULT_PARALLELISM = "parallelism.default";
    public static final String IGNORE_UNCLAIMED_STATE = "execution.state-recovery.ignore-unclaimed-state";

    private FlinkJobConfiguration() {
    }

    public static Map<String, String> of(JobConfig config, boolean allowNonRestoredState) {
        Map<String, String> flink = new LinkedHashMap<>(config.parameterEntries());
        flink.put(RUNTIME_MODE, config.runtimeMode().flinkValue());
        flink.put(DEFAULT_PARALLELISM, Integer.toString(config.resources().parallelism()));
        if (allowNonRestoredState) {
            flink.put(IGNORE_UNCLAIMED_STATE, "true");
        }
        return flink;
    }
}
