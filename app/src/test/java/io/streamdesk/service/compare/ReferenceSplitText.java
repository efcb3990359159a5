package io.streamdesk.service.compare;

import java.util.ArrayList;
import java.util.List;

/** {@link SplitText} as it was before issue 14; see {@link ReferenceTextComparer}. */
record ReferenceSplitText(List<String> lines, boolean hasCrLf, boolean hasLf, boolean endsWithNewline) {

    static ReferenceSplitText of(String text) {
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
        return new ReferenceSplitText(lines, crlf, lf, endsWithNewline);
    }

    String lineEndingName() {
        if (hasCrLf && hasLf) {
            return "mixed CRLF and LF";
        }
        return hasCrLf ? "CRLF" : hasLf ? "LF" : "none";
    }
}
