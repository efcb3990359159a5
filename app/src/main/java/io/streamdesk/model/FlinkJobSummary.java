package io.streamdesk.model;

/**
 * One row of Flink's {@code /jobs/overview}. A job is running for the user only when every task runs.
 */
public record FlinkJobSummary(String flinkJobId, String name, String state, long startTime, long endTime,
                              int tasksRunning, int tasksTotal) {

    public boolean allTasksRunning() {
        return "RUNNING".equals(state) && tasksTotal > 0 && tasksRunning == tasksTotal;
    }

    public boolean isTerminal() {
        return switch (state) {
            case "FINISHED", "CANCELED", "FAILED" -> true;
            default -> false;
        };
    }
}
