package io.streamdesk.model.sql;

import io.streamdesk.model.metadata.MetadataSnapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a script is checked, compiled and run with besides its text: the job's own jars (DP4: connectors and UDFs,
 * in a class loader of the job's own and shipped with the job), the tables of the metadata catalog (M3) and the
 * values of the variables it may use (M6). The check, the compile and the run of one version get the same context.
 *
 * @param jars      the files of the job's dependency versions, already verified against their hashes
 * @param catalog   the metadata catalog to register next to the script's own tables
 * @param variables variable name to value ({@code ${name}} in the SQL and in table options)
 */
public record SqlContext(List<Path> jars, MetadataSnapshot catalog, Map<String, String> variables) {

    public static final SqlContext EMPTY = new SqlContext(List.of(), MetadataSnapshot.EMPTY, Map.of());

    public SqlContext {
        jars = List.copyOf(jars);
        catalog = Objects.requireNonNull(catalog, "catalog");
        variables = Map.copyOf(variables);
    }

    public SqlContext withJars(List<Path> newJars) {
        return new SqlContext(newJars, catalog, variables);
    }

    public SqlContext withCatalog(MetadataSnapshot newCatalog) {
        return new SqlContext(jars, newCatalog, variables);
    }

    public SqlContext withVariables(Map<String, String> newVariables) {
        return new SqlContext(jars, catalog, newVariables);
    }
}
