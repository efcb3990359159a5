package io.streamdesk.flink.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdesk.service.port.JobControl.JobFailure;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Flink's serialized failures ({@code /jobs/:jobid/exceptions}): Flink wraps the cause a user can act on in
 * its own exceptions ("Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(...)"), so the root cause is
 * the last "Caused by" of the stack trace, and the operator comes from the entry (or, for a global failure, from the
 * task failures Flink lists with it).
 */
final class FailureChain {
    /** The chain is stored with the event (4000 characters); a cause's message is cut after this many lines. */
    private static final int MAX_MESSAGE_LINES = 12;

    private FailureChain() {
    }

    /** The newest failure of an {@code /jobs/:jobid/exceptions} answer, or null when it lists none. */
    static JobFailure newest(JsonNode json) {
        JsonNode entries = json.path("exceptionHistory").path("entries");
        if (entries.size() == 0) {
            String root = text(json, "root-exception"); // answers of 1.x clusters
            return root == null ? null : of(root, null, null);
        }
        JsonNode newest = entries.get(0);
        String trace = text(newest, "stacktrace");
        if (trace == null) {
            trace = text(newest, "exceptionName");
        }
        if (trace == null) {
            return null;
        }
        JsonNode located = locatedEntry(entries);
        return of(trace, located == null ? null : text(located, "taskName"),
                located == null ? null : firstNonNull(text(located, "endpoint"), text(located, "location")));
    }

    /** The newest entry that names a task: the entry itself, the task failures of a global one, or an older entry. */
    private static JsonNode locatedEntry(JsonNode entries) {
        for (JsonNode entry : entries) {
            if (text(entry, "taskName") != null) {
                return entry;
            }
            for (JsonNode concurrent : entry.path("concurrentExceptions")) {
                if (text(concurrent, "taskName") != null) {
                    return concurrent;
                }
            }
        }
        return null;
    }

    /** A failure from a stack trace text and where it happened. */
    static JobFailure of(String stackTrace, String taskName, String endpoint) {
        List<String> causes = causes(stackTrace);
        String root = causes.isEmpty() ? stackTrace.strip() : causes.get(causes.size() - 1);
        return new JobFailure(firstLineOf(root), operatorOf(taskName), endpoint, String.join("\nCaused by: ", causes));
    }

    /** Each throwable of the chain as "class: message", outermost first; stack frames are left out. */
    static List<String> causes(String stackTrace) {
        List<String> causes = new ArrayList<>();
        StringBuilder current = null;
        int messageLines = 0;
        for (String line : stackTrace.split("\\R")) {
            String stripped = line.strip();
            if (stripped.startsWith("Caused by: ")) {
                add(causes, current);
                current = new StringBuilder(stripped.substring("Caused by: ".length()));
                messageLines = 1;
            } else if (current == null && !stripped.isEmpty()) {
                current = new StringBuilder(stripped);
                messageLines = 1;
            } else if (stripped.startsWith("at ") || stripped.startsWith("... ") || stripped.startsWith("Suppressed: ")) {
                messageLines = Integer.MAX_VALUE; // the message ended; frames until the next cause
            } else if (current != null && messageLines < MAX_MESSAGE_LINES && !stripped.isEmpty()) {
                current.append('\n').append(stripped); // a message over several lines (Flink's table options)
                messageLines++;
            }
        }
        add(causes, current);
        return causes;
    }

    private static void add(List<String> causes, StringBuilder cause) {
        if (cause != null && !cause.isEmpty()) {
            causes.add(cause.toString());
        }
    }

    /** "Source: src[9] -> Calc[10] (1/2) - execution #0" without the attempt number. */
    private static String operatorOf(String taskName) {
        if (taskName == null || taskName.isBlank()) {
            return null;
        }
        int attempt = taskName.lastIndexOf(" - execution #");
        return (attempt < 0 ? taskName : taskName.substring(0, attempt)).strip();
    }

    private static String firstLineOf(String s) {
        int newline = s.indexOf('\n');
        return newline < 0 ? s : s.substring(0, newline);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
