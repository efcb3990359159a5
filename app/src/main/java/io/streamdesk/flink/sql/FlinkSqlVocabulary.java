package io.streamdesk.flink.sql;

import io.streamdesk.model.sql.completion.BuiltInVocabulary;
import io.streamdesk.service.port.SqlVocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.factories.DecodingFormatFactory;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.EncodingFormatFactory;
import org.apache.flink.table.factories.Factory;
import org.apache.flink.table.functions.BuiltInFunctionDefinition;
import org.apache.flink.table.functions.BuiltInFunctionDefinitions;
import org.apache.flink.table.functions.FunctionKind;
import org.apache.flink.table.functions.SqlCallSyntax;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink's SQL vocabulary, read from Flink itself once and cached: the built-in functions of
 * {@link BuiltInFunctionDefinitions} that SQL calls by name, and the option keys of every connector and format
 * {@link Factory} found by Flink's own service loading on a class loader (the app's by default).
 */
public final class FlinkSqlVocabulary implements SqlVocabulary {
    private static final Logger LOG = LoggerFactory.getLogger(FlinkSqlVocabulary.class);
    private static final Pattern SQL_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** Operators and syntax with their own grammar, not called as NAME(...): AND, IS NULL, x IN (...), a LIKE b. */
    private static final Set<SqlCallSyntax> NOT_CALLED_BY_NAME = Set.of(SqlCallSyntax.BINARY_OP,
            SqlCallSyntax.MULTIPLE_BINARY_OP, SqlCallSyntax.UNARY_PREFIX_OP, SqlCallSyntax.UNARY_SUFFIX_OP,
            SqlCallSyntax.PLUS_OP, SqlCallSyntax.IN, SqlCallSyntax.LIKE, SqlCallSyntax.AS, SqlCallSyntax.OVER,
            SqlCallSyntax.WINDOW_START_END);

    private static final int CACHED_JAR_SETS = 8;
    private final ClassLoader classLoader;
    private volatile BuiltInVocabulary cached;
    private final Map<List<java.nio.file.Path>, BuiltInVocabulary> byJars =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<java.nio.file.Path>, BuiltInVocabulary> eldest) {
                    return size() > CACHED_JAR_SETS;
                }
            };

    public FlinkSqlVocabulary() {
        this(FlinkSqlVocabulary.class.getClassLoader());
    }

    public FlinkSqlVocabulary(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public BuiltInVocabulary read() {
        BuiltInVocabulary v = cached;
        if (v == null) {
            synchronized (this) {
                v = cached;
                if (v == null) {
                    long t0 = System.nanoTime();
                    v = new BuiltInVocabulary(functions(), factories(classLoader, true), factories(classLoader, false));
                    cached = v;
                    LOG.info("Flink SQL vocabulary: {} functions, {} connectors, {} formats in {} ms",
                            v.functions().size(), v.connectors().size(), v.formats().size(),
                            (System.nanoTime() - t0) / 1_000_000);
                }
            }
        }
        return v;
    }

    @Override
    public BuiltInVocabulary read(List<java.nio.file.Path> jars) {
        if (jars.isEmpty()) {
            return read();
        }
        List<java.nio.file.Path> key = List.copyOf(jars);
        synchronized (byJars) {
            BuiltInVocabulary v = byJars.get(key);
            if (v != null) {
                return v;
            }
        }
        BuiltInVocabulary base = read();
        // the job's own class loader, the one its check and run use (a child of the app's: the app's factories too)
        ClassLoader jobLoader = JobClassLoaders.forJars(key);
        BuiltInVocabulary v = new BuiltInVocabulary(base.functions(), factories(jobLoader, true),
                factories(jobLoader, false));
        synchronized (byJars) {
            byJars.put(key, v);
        }
        return v;
    }

    static List<BuiltInVocabulary.Function> functions() {
        Map<String, BuiltInVocabulary.Function> byName = new LinkedHashMap<>();
        for (BuiltInFunctionDefinition d : BuiltInFunctionDefinitions.getDefinitions()) {
            if (d.isInternal() || d.getKind() == FunctionKind.OTHER || NOT_CALLED_BY_NAME.contains(d.getCallSyntax())) {
                continue;
            }
            String sql = d.getSqlName();
            if (sql == null || !SQL_NAME.matcher(sql).matches() || tableApiOnly(d.getName(), sql)) {
                continue;
            }
            boolean bare = d.getCallSyntax() == SqlCallSyntax.NO_PARENTHESIS;
            byName.putIfAbsent(sql, new BuiltInVocabulary.Function(sql, kind(d.getKind()), !bare));
        }
        List<BuiltInVocabulary.Function> out = new ArrayList<>(byName.values());
        out.sort(Comparator.comparing(BuiltInVocabulary.Function::name));
        return out;
    }

    /**
     * A definition whose SQL name is only its Table API name in capitals ({@code currentDatabase} ->
     * CURRENTDATABASE, {@code lowerCase} -> LOWERCASE) is not what SQL calls it; its SQL spelling, where there is
     * one, is a definition of its own. Internal helpers of the planner (HIVE_AGG_DECIMAL_PLUS) are not for users.
     */
    private static boolean tableApiOnly(String name, String sql) {
        boolean camel = !name.equals(name.toUpperCase(Locale.ROOT)) && !name.equals(name.toLowerCase(Locale.ROOT));
        return (camel && sql.equals(name.toUpperCase(Locale.ROOT)))
                || sql.startsWith("HIVE_") || sql.startsWith("AGG_DECIMAL_") || sql.equals("SUM0");
    }

    private static String kind(FunctionKind kind) {
        return switch (kind) {
            case SCALAR -> "scalar";
            case AGGREGATE -> "aggregate";
            case TABLE, ASYNC_TABLE, PROCESS_TABLE -> "table";
            case TABLE_AGGREGATE -> "table aggregate";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }

    /** Connector factories ({@code connectors}) or format factories, one entry per identifier, keys sorted. */
    private static List<BuiltInVocabulary.OptionSet> factories(ClassLoader classLoader, boolean connectors) {
        Map<String, Keys> byId = new LinkedHashMap<>();
        ServiceLoader<Factory> loader = ServiceLoader.load(Factory.class, classLoader);
        var it = loader.iterator();
        while (true) {
            Factory f;
            try {
                if (!it.hasNext()) {
                    break;
                }
                f = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.debug("A Flink factory could not be loaded for completion", e);
                continue;
            }
            boolean format = f instanceof DecodingFormatFactory<?> || f instanceof EncodingFormatFactory<?>;
            boolean connector = f instanceof DynamicTableFactory;
            if (connectors ? !connector : !format) {
                continue;
            }
            String id = f.factoryIdentifier();
            Keys keys = byId.computeIfAbsent(id, k -> new Keys());
            // a format's options are written prefixed with the format in a table's WITH: 'csv.field-delimiter'
            String prefix = format ? id + "." : "";
            try {
                for (ConfigOption<?> o : f.requiredOptions()) {
                    keys.add(prefix + o.key(), true);
                }
                for (ConfigOption<?> o : f.optionalOptions()) {
                    keys.add(prefix + o.key(), false);
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("Options of Flink factory {} could not be read", id, e);
            }
        }
        List<BuiltInVocabulary.OptionSet> out = new ArrayList<>();
        byId.forEach((id, k) -> out.add(new BuiltInVocabulary.OptionSet(id, k.required(), k.optional())));
        out.sort(Comparator.comparing(BuiltInVocabulary.OptionSet::identifier));
        return out;
    }

    private static final class Keys {
        private final Map<String, Boolean> keys = new java.util.TreeMap<>();

        void add(String key, boolean required) {
            keys.merge(key, required, Boolean::logicalOr);
        }

        List<String> required() {
            return keys.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        }

        List<String> optional() {
            return keys.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        }
    }
}
