package io.streamdesk.k8s;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.cluster.SourceReading;

import java.time.Instant;

/**
 * What one probe of a Kubernetes cluster means (a pure function of what the two sources said, so the rules read in
 * one place): the health and detail to show, and how the probe counts towards "unreachable". The rules are the ones
 * {@link KubernetesClusterConnection} documents.
 *
 * @param health            the health this probe asks for
 * @param detail            its detail (for {@link Effect#NOT_ANSWERING}: the UNREACHABLE detail)
 * @param effect            how the connection applies it
 * @param detailWhileStarting for {@link Effect#NOT_ANSWERING}: the STARTING detail while the cluster never ran and the
 *                          failed probes are fewer than the threshold
 */
record ProbeVerdict(ClusterHealth health, String detail, Effect effect, String detailWhileStarting) {

    enum Effect {
        /** A settled answer: failed probes start again from zero. */
        SETTLED,
        /** A settled answer after which the cluster counts as never having run (it is being made again, or failed). */
        SETTLED_FROM_SCRATCH,
        /** Running and answering: the cluster was seen now. */
        RUNNING,
        /** One more probe where what should answer did not: UNREACHABLE after enough of them. */
        NOT_ANSWERING
    }

    /**
     * What one probe saw.
     *
     * @param status        the FlinkDeployment's status now, or null when the API did not answer or it is missing
     * @param missing       the API answered that the FlinkDeployment does not exist
     * @param deletedByApp  this app deleted it
     * @param suspendedWith the TaskManager count kept while the app keeps it suspended, -1 when not suspended
     * @param apiProblem    why the Kubernetes API did not answer, or null
     * @param restOk        Flink REST answered GET /config
     * @param restProblem   why it did not, or null
     * @param lastStatus    the last status the API returned (for when it does not answer now), or null
     * @param restUrl       where Flink REST was asked
     * @param name          namespace/name of the FlinkDeployment
     */
    record Observation(OperatorStatus status, boolean missing, boolean deletedByApp, int suspendedWith,
                       String apiProblem, boolean restOk, String restProblem, OperatorStatus lastStatus,
                       String restUrl, String name) {
    }

    static ProbeVerdict judge(Observation o) {
        OperatorStatus status = o.status();
        if (o.missing()) {
            return new ProbeVerdict(ClusterHealth.STOPPED, o.deletedByApp() ? "The FlinkDeployment " + o.name()
                    + " was deleted." : "The FlinkDeployment " + o.name() + " does not exist (deleted outside "
                    + "StreamDesk?); restart the cluster to create it again.", Effect.SETTLED_FROM_SCRATCH, null);
        }
        if (o.suspendedWith() >= 0) {
            return settled(ClusterHealth.STOPPED, "Suspended: no TaskManagers run (" + o.suspendedWith()
                    + " on resume); the JobManager keeps the session's REST API and job history.");
        }
        if (status != null && status.suspended()) {
            return settled(ClusterHealth.STOPPED, "The operator reports the FlinkDeployment " + o.name() + " SUSPENDED.");
        }
        if (status != null && status.failed()) {
            return new ProbeVerdict(ClusterHealth.FAILED, "The operator reports " + status.value()
                    + (status.error() == null ? "" : ": " + status.error()), Effect.SETTLED_FROM_SCRATCH, null);
        }
        if (status != null && status.healthy()) {
            if (o.restOk()) {
                return new ProbeVerdict(ClusterHealth.RUNNING, status.error() == null ? null
                        : "Running; the operator reports an error: " + status.error(), Effect.RUNNING, null);
            }
            return new ProbeVerdict(ClusterHealth.UNREACHABLE, "The operator reports " + status.value()
                    + ", but Flink REST at " + o.restUrl() + " does not answer: " + o.restProblem(),
                    Effect.NOT_ANSWERING, "The operator reports " + status.value() + "; waiting for Flink REST at "
                    + o.restUrl() + ": " + o.restProblem());
        }
        if (status != null) {
            return new ProbeVerdict(ClusterHealth.STARTING, "The operator reports " + status.value()
                    + (status.reconciliationState() == null ? "" : " (reconciliation " + status.reconciliationState()
                    + ")"), Effect.SETTLED_FROM_SCRATCH, null);
        }
        // the Kubernetes API did not answer: the operator's last word and Flink REST decide
        OperatorStatus last = o.lastStatus();
        if (o.restOk()) {
            if (last != null && last.healthy()) {
                return new ProbeVerdict(ClusterHealth.RUNNING, capitalized(o.apiProblem())
                        + "; the operator last reported " + last.value() + ".", Effect.RUNNING, null);
            }
            return settled(ClusterHealth.STARTING, "Flink REST answers, but " + o.apiProblem());
        }
        String neither = "Neither the Kubernetes API nor Flink REST answers: " + o.apiProblem() + "; " + o.restProblem();
        return new ProbeVerdict(ClusterHealth.UNREACHABLE, neither, Effect.NOT_ANSWERING, neither);
    }

    /** The "Operator" source for this probe. */
    static SourceReading operatorReading(Observation o, Instant seenAt) {
        if (o.apiProblem() != null) {
            return new SourceReading(KubernetesClusterConnection.OPERATOR, "unreachable", seenAt, o.apiProblem(), false);
        }
        if (o.missing()) {
            return new SourceReading(KubernetesClusterConnection.OPERATOR, "no FlinkDeployment", seenAt,
                    o.name() + " does not exist", false);
        }
        OperatorStatus status = o.status();
        String value = status.value() + (o.suspendedWith() >= 0 ? " (suspended by StreamDesk)" : "");
        return new SourceReading(KubernetesClusterConnection.OPERATOR, value, seenAt, status.error(),
                status.healthy() && status.error() == null && o.suspendedWith() < 0);
    }

    private static ProbeVerdict settled(ClusterHealth health, String detail) {
        return new ProbeVerdict(health, detail, Effect.SETTLED, null);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
