package io.streamdesk.ui.editor;

import java.util.Locale;

/** Find and replace over plain text, case-insensitive, wrapping around: the logic behind the find bar. */
public final class TextSearch {

    /** A match {@code [start, end)}. */
    public record Match(int start, int end) {
    }

    private TextSearch() {
    }

    /** The next match at or after {@code from}, wrapping to the start; null when there is none. */
    public static Match next(String text, String query, int from) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        String q = query.toLowerCase(Locale.ROOT);
        int i = t.indexOf(q, Math.max(0, Math.min(from, t.length())));
        if (i < 0) {
            i = t.indexOf(q);
        }
        return i < 0 ? null : new Match(i, i + q.length());
    }

    /** The last match that starts before {@code before}, wrapping to the end; null when there is none. */
    public static Match previous(String text, String query, int before) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        String q = query.toLowerCase(Locale.ROOT);
        int i = before - 1 < 0 ? -1 : t.lastIndexOf(q, before - 1);
        if (i < 0) {
            i = t.lastIndexOf(q);
        }
        return i < 0 ? null : new Match(i, i + q.length());
    }

    public static int count(String text, String query) {
        if (query == null || query.isEmpty()) {
            return 0;
        }
        String t = text.toLowerCase(Locale.ROOT);
        String q = query.toLowerCase(Locale.ROOT);
        int n = 0;
        for (int i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + q.length())) {
            n++;
        }
        return n;
    }

    public static String replaceAll(String text, String query, String replacement) {
        if (query == null || query.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        String t = text.toLowerCase(Locale.ROOT);
        String q = query.toLowerCase(Locale.ROOT);
        int last = 0;
        for (int i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + q.length())) {
            sb.append(text, last, i).append(replacement);
            last = i + q.length();
        }
        return sb.append(text, last, text.length()).toString();
    }
}
