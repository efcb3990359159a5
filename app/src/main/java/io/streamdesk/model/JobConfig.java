package io.streamdesk.model;

import io.streamdesk.model.dependency.DependencyRef;

import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything about how a job runs besides its SQL (P1-P6, J1): the advanced parameters as YAML text, the resources,
 * the runtime mode and the log level. Drafts carry one, and publishing freezes it into the version (V1).
 */
public record JobConfig(String parameters, JobResources resources, RuntimeMode runtimeMode, LogLevel logLevel,
                        List<DependencyRef> dependencies) {

    /** The parameters every new draft starts with (P3). */
    public static final String DEFAULT_PARAMETERS = """
            pipeline.max-parallelism: 2048
            restart-strategy.type: fixed-delay
            restart-strategy.fixed-delay.attempts: 5
            restart-strategy.fixed-delay.delay: 5 s
            # periodic checkpoints: what "run from the latest checkpoint" restores after a stop or a crash
            execution.checkpointing.interval: 60 s
            execution.checkpointing.mode: EXACTLY_ONCE
            execution.checkpointing.timeout: 1200 s
            # RETAIN_ON_CANCELLATION keeps checkpoints after a cancel; NO_EXTERNALIZED_CHECKPOINTS keeps none
            execution.checkpointing.externalized-checkpoint-retention: DELETE_ON_CANCELLATION
            # state.checkpoints.num-retained before Flink 2.0
            execution.checkpointing.num-retained: 5
            # rocksdb, or hashmap (state on the heap)
            state.backend.type: rocksdb
            """;

    /** Prefix of the parameter keys in {@link #entries()}. */
    public static final String PARAMETER_PREFIX = "parameters.";

    /** Prefix of the dependency keys in {@link #entries()}. */
    public static final String DEPENDENCY_PREFIX = "dependencies.";

    public JobConfig {
        parameters = parameters == null ? "" : parameters;
        resources = Objects.requireNonNull(resources, "resources");
        runtimeMode = Objects.requireNonNull(runtimeMode, "runtimeMode");
        logLevel = Objects.requireNonNull(logLevel, "logLevel");
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }

    /** A configuration without dependencies. */
    public JobConfig(String parameters, JobResources resources, RuntimeMode runtimeMode, LogLevel logLevel) {
        this(parameters, resources, runtimeMode, logLevel, List.of());
    }

    /** A new draft's configuration (P3, P5 defaults, streaming, INFO). */
    public static JobConfig defaults() {
        return new JobConfig(DEFAULT_PARAMETERS, JobResources.defaults(), RuntimeMode.STREAMING, LogLevel.INFO);
    }

    public JobConfig withParameters(String text) {
        return new JobConfig(text, resources, runtimeMode, logLevel, dependencies);
    }

    public JobConfig withResources(JobResources newResources) {
        return new JobConfig(parameters, newResources, runtimeMode, logLevel, dependencies);
    }

    public JobConfig withRuntimeMode(RuntimeMode mode) {
        return new JobConfig(parameters, resources, mode, logLevel, dependencies);
    }

    public JobConfig withLogLevel(LogLevel level) {
        return new JobConfig(parameters, resources, runtimeMode, level, dependencies);
    }

    /** The job's dependency versions (DP3, DP4): its connector/UDF jars and configuration files, frozen at publish. */
    public JobConfig withDependencies(List<DependencyRef> refs) {
        return new JobConfig(parameters, resources, runtimeMode, logLevel, refs);
    }

    /** The parsed {@code key: value} parameters in text order (lines with syntax errors are left out). */
    public Map<String, String> parameterEntries() {
        return ParameterText.entries(parameters);
    }

    /**
     * The whole configuration as ordered key/value entries, for comparing two versions (V3): first
     * {@code parameters.<key>} in text order, then {@code resources.jobmanager-cu}, {@code resources.taskmanager-cu},
     * {@code resources.parallelism}, {@code runtime-mode}, {@code log-level}, then {@code dependencies.<name>} as
     * {@code v<N> sha256 <hash>} (V3: dependency versions with their hashes).
     */
    public Map<String, String> entries() {
        Map<String, String> all = new LinkedHashMap<>();
        parameterEntries().forEach((k, v) -> all.put(PARAMETER_PREFIX + k, v));
        all.put("resources.jobmanager-cu", JobResources.format(resources.jobManagerCu()));
        all.put("resources.taskmanager-cu", JobResources.format(resources.taskManagerCu()));
        all.put("resources.parallelism", Integer.toString(resources.parallelism()));
        all.put("runtime-mode", runtimeMode.flinkValue());
        all.put("log-level", logLevel.name());
        for (DependencyRef ref : dependencies) {
            all.put(DEPENDENCY_PREFIX + ref.name(), "v" + ref.version() + (ref.sha256() == null ? "" : " sha256 " + ref.sha256()));
        }
        return Collections.unmodifiableMap(all);
    }
}
