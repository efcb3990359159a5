package io.streamdesk.model.metadata;

import java.util.Locale;
import java.util.regex.Pattern;

/** The names of catalogs, databases and tables (M1): what is allowed, and how one is written in SQL. */
public final class TableNames {
    /** The longest name of a catalog, a database or a table. */
    public static final int MAX_LENGTH = 128;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

    private TableNames() {
    }

    /**
     * Why {@code name} cannot name a {@code what} ("Database name: ..."), or null when it can: letters, digits and
     * {@code _}, not starting with a digit, at most {@link #MAX_LENGTH} characters.
     */
    public static String problem(String what, String name) {
        if (name == null || name.isBlank()) {
            return what + ": a name is needed.";
        }
        if (name.length() > MAX_LENGTH) {
            return what + ": at most " + MAX_LENGTH + " characters (this one has " + name.length() + ").";
        }
        if (!ALLOWED.matcher(name).matches()) {
            return what + ": only letters, digits and _ , not starting with a digit ('" + shorten(name) + "').";
        }
        return null;
    }

    /** The name as a SQL identifier: as is when plain lower case, else in backticks. */
    public static String sqlIdentifier(String name) {
        boolean plain = PLAIN.matcher(name).matches() && !io.streamdesk.model.sql.SqlLexer.isKeyword(name);
        return plain ? name : "`" + name.replace("`", "``") + "`";
    }

    /** catalog.database.table as SQL writes it. */
    public static String qualified(String catalog, String database, String table) {
        return sqlIdentifier(catalog) + "." + sqlIdentifier(database) + "." + sqlIdentifier(table);
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
