package io.streamdesk.flink.sql;

import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.catalog.ContextResolvedTable;
import org.apache.flink.table.catalog.ResolvedCatalogBaseTable;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.factories.DecodingFormatFactory;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.EncodingFormatFactory;
import org.apache.flink.table.factories.Factory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.operations.SinkModifyOperation;
import org.apache.flink.table.operations.ddl.CreateTableOperation;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of the check that goes as far as the run (E3, DP4): every table's connector and formats must have a
 * factory on the job's own class loader (Flink's connectors that come with the app plus the job's jars), and every
 * INSERT's sink is created as the planner creates it (its options validated, a source-only connector refused), so a
 * script that passes the check does not fail at submit for a missing or misused connector.
 *
 * <p>Positions are relative to the statement (1-based), for {@link SqlStatement#toScriptPosition}.
 */
final class ConnectorCheck {

    /** What is wrong, where in the statement. */
    record Finding(int line, int column, String message) {
    }

    private static final List<String> FORMAT_KEYS = List.of("format", "key.format", "value.format");

    /** The jar a user adds for a connector or format identifier Flink documents; a hint, not a requirement. */
    private static final Map<String, String> JARS = Map.ofEntries(
            Map.entry("kafka", "flink-sql-connector-kafka"),
            Map.entry("upsert-kafka", "flink-sql-connector-kafka"),
            Map.entry("jdbc", "flink-connector-jdbc-core, the database's flink-connector-jdbc-<database> and its JDBC driver"),
            Map.entry("elasticsearch-7", "flink-sql-connector-elasticsearch7"),
            Map.entry("opensearch", "flink-sql-connector-opensearch"),
            Map.entry("hbase-2.2", "flink-sql-connector-hbase-2.2"),
            Map.entry("mongodb", "flink-sql-connector-mongodb"),
            Map.entry("kinesis", "flink-sql-connector-aws-kinesis-streams"),
            Map.entry("pulsar", "flink-sql-connector-pulsar"),
            Map.entry("avro", "flink-sql-avro"),
            Map.entry("avro-confluent", "flink-sql-avro-confluent-registry"),
            Map.entry("parquet", "flink-sql-parquet"),
            Map.entry("orc", "flink-sql-orc"),
            Map.entry("protobuf", "flink-sql-protobuf"));

    private static final int MAX_LISTED = 12;

    private ConnectorCheck() {
    }

    /** The identifiers of connectors and formats a class loader offers. */
    record Available(TreeSet<String> connectors, TreeSet<String> formats) {

        static Available of(ClassLoader loader) {
            TreeSet<String> connectors = new TreeSet<>();
            TreeSet<String> formats = new TreeSet<>();
            Iterator<Factory> it = ServiceLoader.load(Factory.class, loader).iterator();
            while (true) {
                Factory factory;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    factory = it.next();
                } catch (ServiceConfigurationError | LinkageError e) {
                    continue; // a factory whose own dependencies are missing; Flink skips it the same way
                }
                if (factory instanceof DynamicTableFactory) {
                    connectors.add(factory.factoryIdentifier());
                }
                if (factory instanceof DecodingFormatFactory<?> || factory instanceof EncodingFormatFactory<?>) {
                    formats.add(factory.factoryIdentifier());
                }
            }
            return new Available(connectors, formats);
        }
    }

    /** A CREATE TABLE whose connector or format has no factory on the job's class loader, or null. */
    static Finding ofCreateTable(CreateTableOperation create, String statementText, Available available) {
        Map<String, String> options = create.getCatalogTable().getOptions();
        String connector = options.get(FactoryUtil.CONNECTOR.key());
        if (connector == null) {
            return null; // Flink's own words come at planning; nothing to resolve here
        }
        String table = create.getTableIdentifier().getObjectName();
        if (!available.connectors().contains(connector)) {
            int[] at = optionPosition(statementText, FactoryUtil.CONNECTOR.key());
            return new Finding(at[0], at[1], "Table '" + table + "': no connector '" + connector
                    + "' on the job's class path. Add the connector jar as a dependency of the job"
                    + hint(connector) + ". Available connectors: " + list(available.connectors()) + ".");
        }
        for (String key : FORMAT_KEYS) {
            String format = options.get(key);
            if (format != null && !available.formats().contains(format)) {
                int[] at = optionPosition(statementText, key);
                return new Finding(at[0], at[1], "Table '" + table + "': no format '" + format
                        + "' on the job's class path. Add the format jar as a dependency of the job" + hint(format)
                        + ". Available formats: " + list(available.formats()) + ".");
            }
        }
        return null;
    }

    /**
     * Creates the INSERT's sink as the planner will (its factory from the job's class loader, its options validated)
     * and returns what Flink refuses, or null.
     */
    static Finding ofSink(SinkModifyOperation sink, ReadableConfig config, ClassLoader loader, Available available) {
        ContextResolvedTable target = sink.getContextResolvedTable();
        ResolvedCatalogBaseTable<?> resolved = target.getResolvedTable();
        if (!(resolved instanceof ResolvedCatalogTable table) || target.isAnonymous()) {
            return null;
        }
        String connector = table.getOptions().get(FactoryUtil.CONNECTOR.key());
        String name = target.getIdentifier().getObjectName();
        if (connector == null) {
            return null;
        }
        if (!available.connectors().contains(connector)) {
            return new Finding(1, 1, "Sink '" + name + "': no connector '" + connector + "' on the job's class path."
                    + " Add the connector jar as a dependency of the job" + hint(connector) + ". Available connectors: "
                    + list(available.connectors()) + ".");
        }
        if (!sink.getDynamicOptions().isEmpty()) {
            Map<String, String> merged = new HashMap<>(table.getOptions());
            merged.putAll(sink.getDynamicOptions());
            table = table.copy(merged);
        }
        try {
            FactoryUtil.createDynamicTableSink(null, target.getIdentifier(), table, Map.of(), config, loader,
                    target.isTemporary());
            return null;
        } catch (RuntimeException | LinkageError e) {
            return new Finding(1, 1, "Sink '" + name + "' (connector '" + connector + "'): " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && sb.indexOf(m.strip()) < 0
                    && !m.startsWith("Unable to create a sink for writing table")) {
                sb.append(sb.length() == 0 ? "" : " ").append(m.strip());
            }
        }
        String text = sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString();
        return text.replaceAll("\\s+", " ");
    }

    private static String hint(String identifier) {
        String jar = JARS.get(identifier.toLowerCase(Locale.ROOT));
        return jar == null ? "" : " (" + jar + ")";
    }

    private static String list(TreeSet<String> identifiers) {
        if (identifiers.isEmpty()) {
            return "none";
        }
        List<String> shown = identifiers.stream().limit(MAX_LISTED).toList();
        return String.join(", ", shown) + (identifiers.size() > MAX_LISTED ? ", ..." : "");
    }

    /** Where {@code 'key'} (followed by {@code =}) stands in the statement, 1-based; the statement's start if not found. */
    static int[] optionPosition(String statementText, String key) {
        Matcher m = Pattern.compile("'" + Pattern.quote(key) + "'\\s*=", Pattern.CASE_INSENSITIVE).matcher(statementText);
        if (!m.find()) {
            return new int[] {1, 1};
        }
        int at = m.start();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (statementText.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, at - lineStart + 1};
    }
}
