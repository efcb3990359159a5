package io.streamdesk.flink.sql;

import io.streamdesk.service.port.SqlSubmitException;

import java.nio.file.Path;
import java.util.List;

/**
 * The class loader a job's SQL is checked, compiled and submitted with (DP4): the job's own jars on top of the app's
 * class loader. Without jars it is the app's own.
 */
final class JobClassLoaders {

    private JobClassLoaders() {
    }

    static ClassLoader forJars(List<Path> jars) {
        if (jars.isEmpty()) {
            return JobClassLoaders.class.getClassLoader();
        }
        throw new SqlSubmitException("Jobs with dependency jars are not supported yet (" + jars.size() + " jar(s))", null);
    }
}
