package io.streamdesk.flink.sql;

import io.streamdesk.model.sql.SqlContext;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

/**
 * The one place the checker, the compiler and the submitter make a job's table environment: the job's class loader
 * (its own jars, DP4) and the metadata catalog registered (M3), so that the check goes exactly as far as the run.
 */
public final class JobTableEnvironments {

    private JobTableEnvironments() {
    }

    public static TableEnvironment create(EnvironmentSettings.Builder settings, SqlContext context) {
        ClassLoader classLoader = classLoader(context);
        TableEnvironment tEnv = TableEnvironment.create(settings.withClassLoader(classLoader).build());
        MetadataCatalogRegistration.register(tEnv, context.catalog(), context.variables());
        return tEnv;
    }

    /** The user-code class loader of the context's jars (the app's own without jars). */
    public static ClassLoader classLoader(SqlContext context) {
        return JobClassLoaders.forJars(context.jars());
    }
}
