package io.streamdesk.model;

/** A problem found in a SQL script, at a 1-based line and column of the whole script. */
public record SqlProblem(int line, int column, String message) {

    /** The CLI form: {@code line:column: message}. */
    public String format() {
        return line + ":" + column + ": " + message;
    }
}
