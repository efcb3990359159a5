package io.streamdesk.ui.editor;

/**
 * Text transformations behind editor shortcuts (comment toggling, auto-indent), pure so they are tested without a
 * scene.
 */
public final class EditorCommands {

    /** A replacement of {@code [start, end)} by {@code text}. */
    public record Edit(int start, int end, String text) {
    }

    private EditorCommands() {
    }

    /** Ctrl+/: comments the lines touched by {@code [selStart, selEnd)} with "-- ", or uncomments if all are. */
    public static Edit toggleComment(String text, int selStart, int selEnd) {
        int start = text.lastIndexOf('\n', Math.max(0, selStart - 1)) + 1;
        if (selStart == 0) {
            start = 0;
        }
        int endSearch = selEnd > selStart && selEnd > 0 && text.charAt(selEnd - 1) == '\n' ? selEnd - 1 : selEnd;
        int end = text.indexOf('\n', endSearch);
        if (end < 0) {
            end = text.length();
        }
        String[] lines = text.substring(start, end).split("\n", -1);
        boolean allCommented = true;
        for (String line : lines) {
            if (!line.isBlank() && !line.stripLeading().startsWith("--")) {
                allCommented = false;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (allCommented) {
                int at = line.indexOf("--");
                if (at >= 0) {
                    int after = at + 2 < line.length() && line.charAt(at + 2) == ' ' ? at + 3 : at + 2;
                    line = line.substring(0, at) + line.substring(after);
                }
            } else if (!line.isBlank()) {
                line = "-- " + line;
            }
            sb.append(line);
            if (i < lines.length - 1) {
                sb.append('\n');
            }
        }
        return new Edit(start, end, sb.toString());
    }

    /** Enter: a new line indented like the current one, one level more after an open bracket. */
    public static String newLineWithIndent(String text, int caret) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, caret - 1)) + 1;
        if (caret == 0) {
            lineStart = 0;
        }
        int i = lineStart;
        while (i < caret && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        String indent = text.substring(lineStart, i);
        String before = text.substring(lineStart, caret).stripTrailing();
        if (before.endsWith("(")) {
            indent += "  ";
        }
        return "\n" + indent;
    }
}
