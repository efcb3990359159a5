package io.streamdesk.service.jobconfig;

/**
 * A problem in a job's configuration. {@code line} is the 1-based line of the parameters text, or 0 when the problem
 * is not tied to a line (resources, runtime mode). Errors block publishing; warnings are shown.
 */
public record ConfigProblem(Severity severity, int line, String message) {
    public enum Severity { ERROR, WARNING }

    public static ConfigProblem error(int line, String message) {
        return new ConfigProblem(Severity.ERROR, line, message);
    }

    public static ConfigProblem warning(int line, String message) {
        return new ConfigProblem(Severity.WARNING, line, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "Parameters line 3: ..." or "Resources: ...". */
    public String describe() {
        return (line > 0 ? "Parameters line " + line + ": " : "") + message;
    }
}
