package io.streamdesk.service.logs;

import io.streamdesk.service.InputRejectedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** EV6 search over a log text: a preset, free text (case-insensitive) or a regular expression. */
public final class LogSearch {
    public static final int MAX_MATCHES = 5_000;
    public static final int MAX_QUERY = 1_000;

    /** A matching line: its 1-based number and text. */
    public record Match(int line, String text) {
    }

    /** What to look for: exactly one of preset, text or regex (all null = every line). */
    public record Query(LogPreset preset, String text, String regex, boolean includeHarmless) {
        public static Query preset(LogPreset p) {
            return new Query(p, null, null, false);
        }

        public static Query text(String t) {
            return new Query(null, t, null, false);
        }

        public static Query regex(String r) {
            return new Query(null, null, r, false);
        }

        public Query withHarmless(boolean include) {
            return new Query(preset, text, regex, include);
        }
    }

    /** The matches and how many harmless lines were hidden. */
    public record Result(List<Match> matches, int hiddenHarmless, boolean truncated) {
    }

    private LogSearch() {
    }

    public static Result search(String log, Query q) {
        java.util.function.Predicate<String> test = predicate(q);
        List<Match> matches = new ArrayList<>();
        int hidden = 0;
        boolean truncated = false;
        String[] lines = log.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!test.test(line)) {
                continue;
            }
            if (!q.includeHarmless() && HarmlessLines.harmless(line)) {
                hidden++;
                continue;
            }
            if (matches.size() == MAX_MATCHES) {
                truncated = true;
                break;
            }
            matches.add(new Match(i + 1, line));
        }
        return new Result(matches, hidden, truncated);
    }

    private static java.util.function.Predicate<String> predicate(Query q) {
        if (q.preset() != null) {
            return q.preset()::matches;
        }
        if (q.regex() != null && !q.regex().isEmpty()) {
            if (q.regex().length() > MAX_QUERY) {
                throw new InputRejectedException("Regex: at most " + MAX_QUERY + " characters.");
            }
            try {
                Pattern p = Pattern.compile(q.regex());
                return line -> p.matcher(line).find();
            } catch (PatternSyntaxException e) {
                throw new InputRejectedException("Regex: " + e.getDescription() + " at column " + (e.getIndex() + 1) + ".");
            }
        }
        if (q.text() != null && !q.text().isEmpty()) {
            if (q.text().length() > MAX_QUERY) {
                throw new InputRejectedException("Search text: at most " + MAX_QUERY + " characters.");
            }
            String needle = q.text().toLowerCase(Locale.ROOT);
            return line -> line.toLowerCase(Locale.ROOT).contains(needle);
        }
        return line -> true;
    }
}
