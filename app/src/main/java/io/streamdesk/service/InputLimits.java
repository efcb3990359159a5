package io.streamdesk.service;

/** Size limits of user input (S3), checked in the service layer. */
public final class InputLimits {
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_FOLDER = 500;
    /** 1 MiB of SQL is far beyond any hand-written job and keeps parsing and storage bounded. */
    public static final int MAX_SQL_CHARS = 1 << 20;

    private InputLimits() {
    }

    static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InputRejectedException("Name: a job needs a name.");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InputRejectedException("Name: at most " + MAX_NAME + " characters (got " + trimmed.length() + ").");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InputRejectedException("Name: control characters (tabs, line breaks) are not allowed.");
        }
        return trimmed;
    }

    static String requireFolder(String folder) {
        String f = folder == null || folder.isBlank() ? "/" : folder.strip();
        if (!f.startsWith("/")) {
            f = "/" + f;
        }
        if (f.length() > MAX_FOLDER) {
            throw new InputRejectedException("Folder: at most " + MAX_FOLDER + " characters.");
        }
        if (f.chars().anyMatch(Character::isISOControl)) {
            throw new InputRejectedException("Folder: control characters are not allowed.");
        }
        return f;
    }

    static String requireDescription(String description) {
        String d = description == null ? "" : description.strip();
        if (d.isEmpty()) {
            throw new InputRejectedException("Description: publishing a version needs a description of what changed.");
        }
        if (d.length() > MAX_DESCRIPTION) {
            throw new InputRejectedException("Description: at most " + MAX_DESCRIPTION + " characters (got " + d.length() + ").");
        }
        return d;
    }

    static String requireSql(String sql) {
        String s = sql == null ? "" : sql;
        if (s.length() > MAX_SQL_CHARS) {
            throw new InputRejectedException("SQL: at most " + MAX_SQL_CHARS + " characters (got " + s.length() + ").");
        }
        return s;
    }
}
