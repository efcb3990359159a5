package io.streamdesk.flink.config;

import io.streamdesk.service.port.ConfigOptionCatalog;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.FallbackKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink's own option definitions, collected by reflection from the public static final {@link ConfigOption} fields
 * of its option classes on the classpath, and Flink's own conversion of a value ({@link Configuration#get} throws on
 * a value it cannot read). Built once per JVM on a daemon thread: loading these classes takes a moment, which must not
 * fall on the FX thread. Deprecated and fallback keys are checked against the option they stand for.
 */
public final class FlinkConfigOptionCatalog implements ConfigOptionCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(FlinkConfigOptionCatalog.class);

    /** Option classes of the Flink modules the app bundles; a class missing from the classpath is skipped. */
    static final List<String> OPTION_CLASSES = List.of(
            "org.apache.flink.configuration.BatchExecutionOptions",
            "org.apache.flink.configuration.CheckpointingOptions",
            "org.apache.flink.configuration.CleanupOptions",
            "org.apache.flink.configuration.ClusterOptions",
            "org.apache.flink.configuration.CoreOptions",
            "org.apache.flink.configuration.DeploymentOptions",
            "org.apache.flink.configuration.ExecutionOptions",
            "org.apache.flink.configuration.HeartbeatManagerOptions",
            "org.apache.flink.configuration.HighAvailabilityOptions",
            "org.apache.flink.configuration.JobManagerOptions",
            "org.apache.flink.configuration.MetricOptions",
            "org.apache.flink.configuration.NettyShuffleEnvironmentOptions",
            "org.apache.flink.configuration.PipelineOptions",
            "org.apache.flink.configuration.ResourceManagerOptions",
            "org.apache.flink.configuration.RestartStrategyOptions",
            "org.apache.flink.configuration.RestOptions",
            "org.apache.flink.configuration.RpcOptions",
            "org.apache.flink.configuration.SecurityOptions",
            "org.apache.flink.configuration.SlowTaskDetectorOptions",
            "org.apache.flink.configuration.StateBackendOptions",
            "org.apache.flink.configuration.StateChangelogOptions",
            "org.apache.flink.configuration.StateLatencyTrackOptions",
            "org.apache.flink.configuration.StateRecoveryOptions",
            "org.apache.flink.configuration.TaskManagerOptions",
            "org.apache.flink.configuration.WebOptions",
            "org.apache.flink.state.rocksdb.RocksDBOptions",
            "org.apache.flink.state.rocksdb.RocksDBConfigurableOptions",
            "org.apache.flink.table.api.config.ExecutionConfigOptions",
            "org.apache.flink.table.api.config.OptimizerConfigOptions",
            "org.apache.flink.table.api.config.TableConfigOptions");

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CompletableFuture<Map<String, Known>> CATALOG = new CompletableFuture<>();

    /** An option and how to name its type in a message. */
    record Known(ConfigOption<?> option, String type, List<String> allowed) {
    }

    @Override
    public void prepare() {
        if (STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    CATALOG.complete(build(OPTION_CLASSES));
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("Could not collect Flink's configuration options; values are not checked", e);
                    CATALOG.complete(Map.of());
                }
            }, "flink-config-options");
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public void whenReady(Runnable action) {
        prepare();
        CATALOG.thenRun(action);
    }

    @Override
    public void awaitReady() {
        prepare();
        try {
            CATALOG.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            LOG.warn("Flink's configuration options are not available; values are not checked", e);
        }
    }

    @Override
    public Optional<String> invalidValue(String key, String value) {
        prepare();
        Map<String, Known> catalog = CATALOG.getNow(null);
        Known known = catalog == null ? null : catalog.get(key);
        if (known == null) {
            return Optional.empty();
        }
        try {
            // under the main key: a deprecated key would make Flink log a warning on every keystroke
            Configuration.fromMap(Map.of(known.option().key(), value)).get(known.option());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(message(known, key, value));
        }
    }

    /** Number of keys known, once built (for figures and tests). */
    public int size() {
        awaitReady();
        return CATALOG.getNow(Map.of()).size();
    }

    static String message(Known known, String key, String value) {
        if (!known.allowed().isEmpty()) {
            return "'" + value + "' is not a valid value for " + key + "; allowed: " + String.join(", ", known.allowed());
        }
        return "'" + value + "' is not a valid " + known.type() + " for " + key + hint(known.type());
    }

    private static String hint(String type) {
        return switch (type) {
            case "Duration" -> " (e.g. 10 s, 500 ms, 2 min)";
            case "MemorySize" -> " (e.g. 512 mb, 2 gb)";
            case "Boolean" -> " (true or false)";
            default -> "";
        };
    }

    static Map<String, Known> build(List<String> classNames) {
        long started = System.nanoTime();
        Map<String, Known> catalog = new HashMap<>();
        for (String name : classNames) {
            Class<?> holder;
            try {
                holder = Class.forName(name, true, FlinkConfigOptionCatalog.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("{} is not on the classpath", name);
                continue;
            }
            for (Field f : holder.getFields()) {
                int mod = f.getModifiers();
                if (!Modifier.isStatic(mod) || !Modifier.isFinal(mod) || f.getType() != ConfigOption.class) {
                    continue;
                }
                ConfigOption<?> option;
                try {
                    option = (ConfigOption<?>) f.get(null);
                } catch (IllegalAccessException e) {
                    continue;
                }
                Known known = describe(option, f.getGenericType());
                add(catalog, option.key(), known);
                for (FallbackKey fallback : option.fallbackKeys()) {
                    add(catalog, fallback.getKey(), known);
                }
            }
        }
        LOG.info("Collected {} Flink configuration keys in {} ms", catalog.size(),
                (System.nanoTime() - started) / 1_000_000);
        return Map.copyOf(catalog);
    }

    private static void add(Map<String, Known> catalog, String key, Known known) {
        // templates such as metrics.reporter.<name>.factory.class are not keys anyone types
        if (!key.contains("<")) {
            catalog.putIfAbsent(key, known);
        }
    }

    private static Known describe(ConfigOption<?> option, Type fieldType) {
        Type valueType = fieldType instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
        if (valueType instanceof Class<?> c && c.isEnum()) {
            List<String> allowed = Arrays.stream(c.getEnumConstants()).map(Object::toString).toList();
            return new Known(option, c.getSimpleName(), allowed);
        }
        return new Known(option, typeName(valueType), List.of());
    }

    private static String typeName(Type type) {
        if (type instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            return raw.getSimpleName() + Arrays.stream(p.getActualTypeArguments()).map(FlinkConfigOptionCatalog::typeName)
                    .collect(Collectors.joining(", ", "<", ">"));
        }
        return type.getTypeName();
    }
}
