package io.streamdesk.service.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into lines without their terminators (LF, CRLF or a lone CR), plus which terminators it used. A final
 * terminator does not start another line: "a\n" and "a" both have one line.
 */
record SplitText(List<String> lines, boolean hasCrLf, boolean hasLf, boolean endsWithNewline) {

    static SplitText of(String text) {
        if (text.indexOf('\r') < 0) {
            return ofLf(text);
        }
        List<String> lines = new ArrayList<>();
        boolean crlf = false;
        boolean lf = false;
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lines.add(text.substring(start, i));
                lf = true;
                start = i + 1;
            } else if (c == '\r') {
                lines.add(text.substring(start, i));
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    crlf = true;
                    i++;
                }
                start = i + 1;
            }
        }
        boolean endsWithNewline = start == n && n > 0;
        if (start < n) {
            lines.add(text.substring(start));
        }
        return new SplitText(lines, crlf, lf, endsWithNewline);
    }

    /** Without a CR the line breaks are found by {@code indexOf}, which the JDK scans many characters at a time. */
    private static SplitText ofLf(String text) {
        List<String> lines = new ArrayList<>(Math.max(10, text.length() / 32));
        int n = text.length();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            lines.add(text.substring(start, i));
            start = i + 1;
        }
        boolean lf = start > 0;
        if (start < n) {
            lines.add(text.substring(start));
        }
        return new SplitText(lines, false, lf, start == n && n > 0);
    }

    String lineEndingName() {
        if (hasCrLf && hasLf) {
            return "mixed CRLF and LF";
        }
        return hasCrLf ? "CRLF" : hasLf ? "LF" : "none";
    }
}
