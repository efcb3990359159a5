package io.streamdesk.k8s;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.k8s.ProbeVerdict.Effect;
import io.streamdesk.k8s.ProbeVerdict.Observation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that turn the two sources' answers into a cluster state, the cases the mock test does not reach. */
class ProbeVerdictTest {
    static final OperatorStatus STABLE = new OperatorStatus("STABLE", "READY", null, "DEPLOYED", 2, 2);
    static final OperatorStatus UPGRADING = new OperatorStatus("UPGRADING", "DEPLOYING", null, "UPGRADING", 1, 2);
    static final String URL = "http://127.0.0.1:8081";

    static Observation seen(OperatorStatus status, String apiProblem, boolean restOk, OperatorStatus last) {
        return new Observation(status, false, false, -1, apiProblem, restOk, restOk ? null : "refused", last, URL,
                "flink/sessions");
    }

    @Test
    void theKubernetesApiDownButFlinkAnsweringKeepsARunningClusterRunningWithTheReason() {
        ProbeVerdict v = ProbeVerdict.judge(seen(null, "the Kubernetes API at https://k8s:6443/ does not answer (timeout)",
                true, STABLE));

        assertThat(v.health()).isEqualTo(ClusterHealth.RUNNING);
        assertThat(v.effect()).isEqualTo(Effect.RUNNING);
        assertThat(v.detail()).isEqualTo("The Kubernetes API at https://k8s:6443/ does not answer (timeout); the "
                + "operator last reported STABLE / READY.");
    }

    @Test
    void theKubernetesApiDownBeforeTheOperatorEverSaidReadyIsStillStarting() {
        ProbeVerdict v = ProbeVerdict.judge(seen(null, "the Kubernetes API at x does not answer (timeout)", true, UPGRADING));

        assertThat(v.health()).isEqualTo(ClusterHealth.STARTING);
        assertThat(v.detail()).isEqualTo("Flink REST answers, but the Kubernetes API at x does not answer (timeout)");
    }

    @Test
    void aReadyOperatorWithASilentJobManagerCountsAsAFailedProbe() {
        ProbeVerdict v = ProbeVerdict.judge(seen(STABLE, null, false, STABLE));

        assertThat(v.effect()).isEqualTo(Effect.NOT_ANSWERING);
        assertThat(v.detail()).isEqualTo("The operator reports STABLE / READY, but Flink REST at " + URL
                + " does not answer: refused");
        assertThat(v.detailWhileStarting()).isEqualTo("The operator reports STABLE / READY; waiting for Flink REST at "
                + URL + ": refused");
    }

    @Test
    void anUpgradeIsStartingFromScratchAndARefusedChangeKeepsARunningClusterRunning() {
        ProbeVerdict upgrading = ProbeVerdict.judge(seen(UPGRADING, null, true, STABLE));
        assertThat(upgrading.health()).isEqualTo(ClusterHealth.STARTING);
        assertThat(upgrading.effect()).isEqualTo(Effect.SETTLED_FROM_SCRATCH);
        assertThat(upgrading.detail()).isEqualTo("The operator reports UPGRADING / DEPLOYING (reconciliation UPGRADING)");

        OperatorStatus failedAnUpdate = new OperatorStatus("FAILED", "READY", "Invalid spec", "DEPLOYED", 3, 3);
        assertThat(ProbeVerdict.judge(seen(failedAnUpdate, null, true, STABLE)).health()).isEqualTo(ClusterHealth.FAILED);
        OperatorStatus refusedChange = new OperatorStatus("STABLE", "READY", "Invalid taskManager.replicas", null, 3, 3);
        ProbeVerdict stillRunning = ProbeVerdict.judge(seen(refusedChange, null, true, STABLE));
        assertThat(stillRunning.health()).as("the last good spec keeps running").isEqualTo(ClusterHealth.RUNNING);
        assertThat(stillRunning.detail()).isEqualTo("Running; the operator reports an error: Invalid taskManager.replicas");
        assertThat(ProbeVerdict.operatorReading(seen(refusedChange, null, true, STABLE), java.time.Instant.EPOCH)
                .healthy()).as("marked, so the page shows the sources disagree").isFalse();
    }
}
