package io.streamdesk.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.Map;

/**
 * What the Flink Kubernetes Operator last wrote into a FlinkDeployment's {@code status}: its lifecycle state, the
 * JobManager deployment's status, its error and the reconciliation state. Read tolerantly: any field may be missing
 * (the operator has not reconciled yet) or hold a value a newer operator added.
 *
 * @param lifecycleState         {@code status.lifecycleState}: CREATED, DEPLOYED, STABLE, UPGRADING, SUSPENDED,
 *                               ROLLING_BACK, ROLLED_BACK, FAILED; null before the first reconciliation
 * @param jobManagerStatus       {@code status.jobManagerDeploymentStatus}: READY, DEPLOYED_NOT_READY, DEPLOYING,
 *                               MISSING, ERROR
 * @param error                  {@code status.error}, the operator's own words, or null
 * @param reconciliationState    {@code status.reconciliationStatus.state}: DEPLOYED, UPGRADING, ROLLING_BACK, ...
 * @param observedGeneration     {@code status.observedGeneration}, -1 when absent
 * @param generation             {@code metadata.generation} of the resource, -1 when absent
 */
record OperatorStatus(String lifecycleState, String jobManagerStatus, String error, String reconciliationState,
                      long observedGeneration, long generation) {
    /** Longest operator error kept (its texts can carry whole stack traces). */
    static final int MAX_ERROR_LENGTH = 2_000;

    static OperatorStatus of(GenericKubernetesResource r) {
        Object status = r.getAdditionalProperties().get("status");
        long generation = r.getMetadata() == null || r.getMetadata().getGeneration() == null ? -1
                : r.getMetadata().getGeneration();
        if (!(status instanceof Map<?, ?> s)) {
            return new OperatorStatus(null, null, null, null, -1, generation);
        }
        Object reconciliation = s.get("reconciliationStatus");
        String reconciliationState = reconciliation instanceof Map<?, ?> rs ? text(rs.get("state")) : null;
        Object observed = s.get("observedGeneration");
        return new OperatorStatus(text(s.get("lifecycleState")), text(s.get("jobManagerDeploymentStatus")),
                error(s.get("error")), reconciliationState,
                observed instanceof Number n ? n.longValue() : -1, generation);
    }

    /**
     * Running as the operator sees it: STABLE or DEPLOYED with the JobManager READY. An error may come with it (a spec
     * change the operator refused while the cluster keeps running the last good one).
     */
    boolean healthy() {
        return ("STABLE".equals(lifecycleState) || "DEPLOYED".equals(lifecycleState))
                && "READY".equals(jobManagerStatus);
    }

    /** The operator gave up on it: lifecycle FAILED, JobManager ERROR, or an error while it is not running. */
    boolean failed() {
        return "FAILED".equals(lifecycleState) || "ERROR".equals(jobManagerStatus)
                || (error != null && !("READY".equals(jobManagerStatus)
                && ("STABLE".equals(lifecycleState) || "DEPLOYED".equals(lifecycleState))));
    }

    boolean suspended() {
        return "SUSPENDED".equals(lifecycleState);
    }

    /** "STABLE / READY", "UPGRADING / DEPLOYING", "not reconciled yet". */
    String value() {
        if (lifecycleState == null && jobManagerStatus == null) {
            return "not reconciled yet";
        }
        return (lifecycleState == null ? "?" : lifecycleState) + " / " + (jobManagerStatus == null ? "?" : jobManagerStatus);
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    /** The operator's error: its JSON {@code {"type":..., "message":...}} form is reduced to the message. */
    private static String error(Object o) {
        if (o == null || o.toString().isBlank()) {
            return null;
        }
        String e = o.toString().strip();
        if (e.startsWith("{")) {
            int at = e.indexOf("\"message\":\"");
            if (at >= 0) {
                int start = at + "\"message\":\"".length();
                int end = start;
                while (end < e.length() && !(e.charAt(end) == '"' && e.charAt(end - 1) != '\\')) {
                    end++;
                }
                e = e.substring(start, end).replace("\\\"", "\"").replace("\\n", " ");
            }
        }
        return e.length() <= MAX_ERROR_LENGTH ? e : e.substring(0, MAX_ERROR_LENGTH - 1) + "\u2026";
    }
}
