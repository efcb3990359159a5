package io.streamdesk.service.compare;

import io.streamdesk.model.JobVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration entries of a version (or a draft) as flat "section: key" -> value pairs, which is what the
 * configuration comparison works on: the frozen configuration (parameters, resources, runtime mode, log level) under
 * "Configuration", and the script's own {@code SET 'key' = 'value';} statements under "SQL SET".
 */
public final class VersionConfiguration {
    public static final String SQL_SET = "SQL SET";
    public static final String CONFIGURATION = "Configuration";
    // SET 'key' = 'value'; (quotes as Flink SQL writes them; '' is an escaped quote)
    private static final Pattern SET = Pattern.compile(
            "(?im)^[ \\t]*SET[ \\t]+'((?:[^']|'')+)'[ \\t]*=[ \\t]*'((?:[^']|'')*)'[ \\t]*;");
    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n\\r]*");

    private VersionConfiguration() {
    }

    public static Map<String, String> of(JobVersion version) {
        return of(version.sql(), version.config());
    }

    /** A script and its configuration (P1-P6: parameters, resources, runtime mode, log level) as one set of entries. */
    public static Map<String, String> of(String sql, io.streamdesk.model.JobConfig config) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (config != null) {
            config.entries().forEach((k, v) -> entries.put(entry(CONFIGURATION, k), v));
        }
        entries.putAll(ofSql(sql));
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
