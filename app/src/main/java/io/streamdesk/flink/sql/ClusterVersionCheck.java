package io.streamdesk.flink.sql;

import io.streamdesk.flink.local.FlinkVersions;
import io.streamdesk.service.port.ClusterCallException;
import io.streamdesk.service.port.ClusterUnreachableException;
import io.streamdesk.service.port.JobGraphUpload;
import io.streamdesk.service.port.SqlSubmitException;

/** A cluster of another Flink minor version would not run what the bundled planner compiled: refused before upload. */
final class ClusterVersionCheck {
    private ClusterVersionCheck() {
    }

    static void check(JobGraphUpload target) {
        String version;
        try {
            version = target.flinkVersion();
        } catch (ClusterCallException | ClusterUnreachableException e) {
            throw new SqlSubmitException("Could not read the Flink version of " + target.restUrl() + ": "
                    + e.getMessage(), e);
        }
        String bundled = FlinkVersions.bundled();
        if (!FlinkVersions.sameMinor(bundled, version)) {
            throw new SqlSubmitException("The cluster at " + target.restUrl() + " runs Flink "
                    + (version == null ? "of an unknown version" : version) + ", but this app compiles jobs with Flink "
                    + bundled + "; a job graph runs only on the same minor version (" + bundled.replaceAll(
                    "^(\\d+\\.\\d+).*", "$1") + ".x). Use a cluster of that version.", null);
        }
    }
}
