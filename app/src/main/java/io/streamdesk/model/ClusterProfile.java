package io.streamdesk.model;

import java.util.List;

/**
 * What a cluster offers a job, as far as copying (J6) and per-job settings (P6) care.
 *
 * @param flinkVersions         the Flink versions jobs can run on there
 * @param defaultFlinkVersion   the version a job gets when it asks for none or for one the cluster lacks
 * @param fineGrainedResources  whether JobManager/TaskManager specs can be chosen per job (else 1 CU each)
 * @param shared                whether jobs share one JVM set (then a per-job log level cannot apply)
 */
public record ClusterProfile(String id, String name, List<String> flinkVersions, String defaultFlinkVersion,
                             boolean fineGrainedResources, boolean shared) {

    public ClusterProfile {
        flinkVersions = List.copyOf(flinkVersions);
    }

    public boolean offers(String flinkVersion) {
        return flinkVersion != null && flinkVersions.contains(flinkVersion);
    }
}
