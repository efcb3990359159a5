package io.streamdesk.model;

/** Streaming or batch execution of a job (J1), Flink's {@code execution.runtime-mode}. */
public enum RuntimeMode {
    STREAMING("Streaming"),
    BATCH("Batch");

    private final String label;

    RuntimeMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value of {@code execution.runtime-mode}. */
    public String flinkValue() {
        return name();
    }
}
