package io.streamdesk.model;

/** Event kinds (EV1). The list grows with the monitoring work. */
public enum EventKind {
    JOB_STARTED, JOB_STOPPED, JOB_FAILED, JOB_RECOVERED, OPERATION_FAILED,
    CLUSTER_STARTED, CLUSTER_EXITED, CLUSTER_UNREACHABLE, CLUSTER_REACHABLE,
    // a cluster without HA died: its runs ended with it, the app restarts it (at most 3 times in 10 minutes)
    JOB_ENDED_WITH_CLUSTER, CLUSTER_RESTARTING, CLUSTER_RESTARTS_EXHAUSTED,
    // detected by the rules of EV2 (events issue)
    CHECKPOINT_FAILED, CHECKPOINT_RECOVERED, TM_FULL_GC_TOO_LONG, TM_CPU_TOO_HIGH, BACKPRESSURE_HIGH,
    BACKPRESSURE_TOO_HIGH, JM_CPU_TOO_HIGH, JM_FULL_GC_TOO_LONG, TM_POD_ABNORMAL_EXIT, JM_POD_ABNORMAL_EXIT,
    ALARM_TRIGGERED, ALARM_CLEARED
}
