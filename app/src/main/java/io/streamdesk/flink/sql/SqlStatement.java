package io.streamdesk.flink.sql;

/**
 * One statement of a script: its text without the closing {@code ;} and without leading blanks and comments,
 * and where that text starts in the script (0-based offset, 1-based line and column).
 */
public record SqlStatement(String text, int offset, int line, int column) {

    /**
     * Maps a 1-based line/column inside {@link #text()} to the script. The column offset only applies on the
     * statement's first line: later lines of the statement start at the script's column 1 too.
     */
    public int[] toScriptPosition(int relativeLine, int relativeColumn) {
        int scriptLine = line + relativeLine - 1;
        int scriptColumn = relativeLine == 1 ? column + relativeColumn - 1 : relativeColumn;
        return new int[] {scriptLine, scriptColumn};
    }
}
