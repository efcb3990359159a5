package io.streamdesk.model;

/** Event kinds (EV1). The list grows with the monitoring work. */
public enum EventKind {
    JOB_STARTED, JOB_STOPPED, JOB_FAILED, JOB_RECOVERED, OPERATION_FAILED,
    CLUSTER_STARTED, CLUSTER_EXITED, CLUSTER_UNREACHABLE, CLUSTER_REACHABLE
}
