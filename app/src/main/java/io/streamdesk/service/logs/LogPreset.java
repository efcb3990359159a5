package io.streamdesk.service.logs;

import java.util.List;
import java.util.Locale;

/** EV6 search presets: a line matches when it contains any of the words (case-insensitive). */
public enum LogPreset {
    FAILURE_CAUSE("Failure cause", List.of("from RUNNING to FAILED", "from state RUNNING to FAILED", "to RESTARTING", "Caused by")),
    OUT_OF_MEMORY("Out of memory", List.of("java.lang.OutOfMemoryError")),
    JVM_EXIT("JVM exit", List.of("exit code", "shutting down JVM", "fatal", "kill", "killing")),
    CHECKPOINT_FAILURE("Checkpoint failure", List.of("Checkpoint was declined", "Checkpoint was canceled",
            "Checkpoint expired", "job has failed", "Task has failed", "Failure to finalize")),
    TIMEOUTS("Timeouts", List.of("TimeoutException", "timeout", "timed out", "failure", "failed")),
    EXCEPTION("Exception", List.of("Exception")),
    WARN("WARN", List.of(" WARN ")),
    ERROR("ERROR", List.of(" ERROR "));

    private final String label;
    private final List<String> words;

    LogPreset(String label, List<String> words) {
        this.label = label;
        this.words = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    public String label() {
        return label;
    }

    public boolean matches(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return label;
    }
}
