package io.streamdesk.model.jobtype;

import java.util.List;
import java.util.Objects;

/**
 * An ETL job's form (J1): a source table and a sink table of the metadata catalog, a field mapping (each sink column
 * from a source column or a simple expression such as {@code UPPER(name)} or {@code CAST(x AS BIGINT)}) and an
 * optional {@code WHERE} filter. {@link EtlSql#generate} makes the Flink SQL the job runs; the form is kept beside it
 * so that the ETL page can reopen what a draft or a version was made from.
 *
 * @param filter the condition after {@code WHERE}, or empty for none
 */
public record EtlSpec(TableRef source, TableRef sink, List<FieldMapping> mappings, String filter) {
    public static final int MAX_MAPPINGS = 500;
    public static final int MAX_EXPRESSION_CHARS = 2_000;
    public static final int MAX_FILTER_CHARS = 4_000;

    public EtlSpec {
        mappings = List.copyOf(mappings == null ? List.of() : mappings);
        filter = filter == null ? "" : filter.strip();
    }

    /** A form with nothing chosen yet. */
    public static EtlSpec empty() {
        return new EtlSpec(null, null, List.of(), "");
    }

    public EtlSpec withSource(TableRef table) {
        return new EtlSpec(table, sink, mappings, filter);
    }

    public EtlSpec withSink(TableRef table) {
        return new EtlSpec(source, table, mappings, filter);
    }

    public EtlSpec withMappings(List<FieldMapping> newMappings) {
        return new EtlSpec(source, sink, newMappings, filter);
    }

    public EtlSpec withFilter(String newFilter) {
        return new EtlSpec(source, sink, mappings, newFilter);
    }

    /** A table of the metadata catalog by its three-part name. */
    public record TableRef(String catalog, String database, String name) {
        public TableRef {
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(name, "name");
        }

        /** {@code catalog.database.name}, unquoted: for the user. */
        public String qualifiedName() {
            return catalog + "." + database + "." + name;
        }

        /** {@code `catalog`.`database`.`name`}: for Flink SQL, whatever characters the names hold. */
        public String quoted() {
            return EtlSql.quote(catalog) + "." + EtlSql.quote(database) + "." + EtlSql.quote(name);
        }
    }

    /**
     * One sink column and what it is made of.
     *
     * @param expression a source column's name (then quoted in the SQL) or a simple expression over source columns;
     *                   blank means "leave this sink column out"
     */
    public record FieldMapping(String sinkColumn, String expression) {
        public FieldMapping {
            Objects.requireNonNull(sinkColumn, "sinkColumn");
            expression = expression == null ? "" : expression.strip();
        }
    }
}
