package io.streamdesk.ui.monitoring;

/** The pages of a job's Monitoring tab (MO2). */
public enum MonitoringPage {
    OVERVIEW("Overview"), CHECKPOINTS("Checkpoints"), JOB_MANAGER("JobManager"), TASK_MANAGER("TaskManager"),
    TASKS("Tasks");

    private final String label;

    MonitoringPage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
