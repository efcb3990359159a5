package io.streamdesk.service;

import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.sql.SqlContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link SqlContext} of a draft and of a published version: the job's dependency files (DP4), the metadata
 * catalog (M3) and the variables (M6). The check, the compile and the run all take their context from here, so a
 * script that passes the check sees at the run what the check saw (a version: what it froze).
 */
public final class JobSqlContexts {

    /** The verified files of dependency versions (DP3, DP4). */
    public interface JarFiles {
        /**
         * @throws InputRejectedException when a ref names no stored version or its file does not match its hash
         */
        List<Path> files(List<DependencyRef> refs);

        /** Before the dependencies are wired: a job without dependencies needs no files; one with some is refused. */
        JarFiles NONE = refs -> {
            if (!refs.isEmpty()) {
                throw new InputRejectedException("Dependencies: this app has no dependency store to read "
                        + refs + " from.");
            }
            return List.of();
        };
    }

    /** The metadata catalog as it is now (M1, M3). */
    public interface CatalogSource {
        MetadataSnapshot snapshot();

        CatalogSource NONE = () -> MetadataSnapshot.EMPTY;
    }

    /** Variable values (M6): the current ones for a draft, and those a version froze at publish. */
    public interface VariableSource {
        Map<String, String> current();

        Map<String, String> frozen(JobId job, int version);

        VariableSource NONE = new VariableSource() {
            @Override
            public Map<String, String> current() {
                return Map.of();
            }

            @Override
            public Map<String, String> frozen(JobId job, int version) {
                return Map.of();
            }
        };
    }

    private volatile JarFiles jarFiles = JarFiles.NONE;
    private volatile CatalogSource catalog = CatalogSource.NONE;
    private volatile VariableSource variables = VariableSource.NONE;

    public JobSqlContexts withJarFiles(JarFiles files) {
        this.jarFiles = Objects.requireNonNull(files, "files");
        return this;
    }

    public JobSqlContexts withCatalog(CatalogSource source) {
        this.catalog = Objects.requireNonNull(source, "source");
        return this;
    }

    public JobSqlContexts withVariables(VariableSource source) {
        this.variables = Objects.requireNonNull(source, "source");
        return this;
    }

    /** The context a draft is checked and compiled with: its dependencies, the catalog and the current variables. */
    public SqlContext forDraft(JobConfig config) {
        return new SqlContext(jarFiles.files(config.dependencies()), catalog.snapshot(), variables.current());
    }

    /** The context a version runs with: the dependency versions and the variable values it froze at publish. */
    public SqlContext forVersion(JobVersion version) {
        return new SqlContext(jarFiles.files(version.config().dependencies()), catalog.snapshot(),
                variables.frozen(version.jobId(), version.number()));
    }

    /** A context with no jars, catalog or variables, for checks outside a job (the CLI's check-sql of a file). */
    public SqlContext standalone() {
        return new SqlContext(List.of(), catalog.snapshot(), variables.current());
    }
}
