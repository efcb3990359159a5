package io.streamdesk.service.jobconfig;

/**
 * A problem in a job's configuration. {@code line} is the 1-based line of the parameters text, or 0 when the problem
 * is not tied to a line (resources, runtime mode); {@code column} the 1-based column on that line when the problem
 * points at a value, else 0. Errors block publishing; warnings are shown.
 */
public record ConfigProblem(Severity severity, int line, String message, int column) {
    public enum Severity { ERROR, WARNING }

    public ConfigProblem(Severity severity, int line, String message) {
        this(severity, line, message, 0);
    }

    public static ConfigProblem error(int line, String message) {
        return new ConfigProblem(Severity.ERROR, line, message);
    }

    public static ConfigProblem error(int line, int column, String message) {
        return new ConfigProblem(Severity.ERROR, line, message, column);
    }

    public static ConfigProblem warning(int line, String message) {
        return new ConfigProblem(Severity.WARNING, line, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "Parameters line 3: ...", "Parameters line 3, column 42: ..." or "Resources: ...". */
    public String describe() {
        if (line <= 0) {
            return message;
        }
        return "Parameters line " + line + (column > 0 ? ", column " + column : "") + ": " + message;
    }
}
