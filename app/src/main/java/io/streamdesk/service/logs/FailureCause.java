package io.streamdesk.service.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * EV6 "failure cause": the newest line where something went from RUNNING to FAILED (or RESTARTING), the exception
 * under it and its {@code Caused by} chain, as a short readable summary. The deepest cause is usually the one to fix.
 */
public final class FailureCause {
    private static final int MAX_TRACE_LINES = 400;
    private static final java.util.regex.Pattern TRANSITION =
            java.util.regex.Pattern.compile("from (state )?RUNNING to (FAILED|FAILING|RESTARTING)");

    /** @param transition the state-change line; {@code chain} the exception line then each "Caused by" line */
    public record Summary(int line, String transition, List<String> chain) {
        public String rootCause() {
            return chain.isEmpty() ? transition : chain.get(chain.size() - 1);
        }

        public String text() {
            StringBuilder b = new StringBuilder("Line ").append(line).append(": ").append(transition.strip());
            for (int i = 0; i < chain.size(); i++) {
                b.append('\n').append("  ".repeat(i + 1)).append(chain.get(i).strip());
            }
            b.append("\nRoot cause: ").append(rootCause().replaceFirst("^Caused by:\\s*", ""));
            return b.toString();
        }
    }

    private FailureCause() {
    }

    /** The summaries of every failure in the log, oldest first. */
    public static List<Summary> all(String log) {
        String[] lines = log.split("\r?\n", -1);
        List<Summary> found = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (!TRANSITION.matcher(l).find()) {
                continue;
            }
            List<String> chain = new ArrayList<>();
            for (int j = i + 1; j < lines.length && j <= i + MAX_TRACE_LINES; j++) {
                String t = lines[j];
                boolean traceLine = t.startsWith("\t") || t.startsWith(" ") || t.startsWith("Caused by")
                        || (j == i + 1 && !startsLikeALogLine(t));
                if (!traceLine) {
                    break;
                }
                if (j == i + 1 && !t.startsWith("\t") && !t.startsWith(" ")) {
                    chain.add(t); // the exception itself
                } else if (t.startsWith("Caused by")) {
                    chain.add(t);
                }
            }
            found.add(new Summary(i + 1, l, chain));
        }
        return found;
    }

    /**
     * The most informative failure: the one with the longest cause chain (the task's line carries the stack trace,
     * the job's line does not), the newest among equals.
     */
    public static java.util.Optional<Summary> best(String log) {
        List<Summary> all = all(log);
        if (all.isEmpty()) {
            return java.util.Optional.empty();
        }
        Summary best = all.get(all.size() - 1);
        for (Summary s : all) {
            if (s.chain().size() >= best.chain().size()) {
                best = s;
            }
        }
        return java.util.Optional.of(best);
    }

    private static boolean startsLikeALogLine(String s) {
        return s.length() > 4 && Character.isDigit(s.charAt(0)) && Character.isDigit(s.charAt(1));
    }
}
