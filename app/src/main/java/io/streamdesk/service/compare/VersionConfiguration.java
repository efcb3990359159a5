package io.streamdesk.service.compare;

import io.streamdesk.model.JobVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration entries of a version (or a draft) as flat "section: key" -> value pairs, which is what the
 * configuration comparison works on. Today a version holds its SQL, so the entries are the script's
 * {@code SET 'key' = 'value';} statements (Flink options set in the script). When versions carry parameters,
 * resources, runtime mode, log level and dependency versions (V1), add them in {@link #of(JobVersion)} under their
 * own section names; the comparison and the window need no change.
 */
public final class VersionConfiguration {
    public static final String SQL_SET = "SQL SET";
    // SET 'key' = 'value'; (quotes as Flink SQL writes them; '' is an escaped quote)
    private static final Pattern SET = Pattern.compile(
            "(?im)^[ \\t]*SET[ \\t]+'((?:[^']|'')+)'[ \\t]*=[ \\t]*'((?:[^']|'')*)'[ \\t]*;");
    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n\\r]*");

    private VersionConfiguration() {
    }

    public static Map<String, String> of(JobVersion version) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.putAll(ofSql(version.sql()));
        return entries;
    }

    /** The entries a script sets itself; the draft side of a comparison uses this. */
    public static Map<String, String> ofSql(String sql) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (sql == null) {
            return entries;
        }
        Matcher m = SET.matcher(LINE_COMMENT.matcher(sql).replaceAll(""));
        while (m.find()) {
            entries.put(entry(SQL_SET, unquote(m.group(1))), unquote(m.group(2)));
        }
        return entries;
    }

    public static String entry(String section, String key) {
        return section + ": " + key;
    }

    private static String unquote(String s) {
        return s.replace("''", "'");
    }
}
