package io.streamdesk.service.prometheus;

import io.streamdesk.model.ParameterText;
import io.streamdesk.service.secrets.SecretRefs;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the MO4 reporter entries into a job's parameter text and reads them back. Only lines whose key starts with
 * {@link PushGatewaySettings#PREFIX} are touched: a reporter key already present keeps its line, keys the option no
 * longer sets are removed, new ones go to the end under one comment; every other line and comment stays as it was.
 */
public final class PushGatewayParameters {
    public static final String COMMENT = "# Prometheus PushGateway reporter (Prometheus tab; the password is a secret reference)";
    private static final Pattern KEY_LINE = Pattern.compile("^(" + Pattern.quote(PushGatewaySettings.PREFIX) + "[A-Za-z0-9._\\-]*):(\\s|$)");
    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,6})\\s*(s|sec|secs|second|seconds|min|m|minute|minutes)?",
            Pattern.CASE_INSENSITIVE);

    private PushGatewayParameters() {
    }

    /** {@code text} with the reporter entries set to {@code entries} (an empty map removes them all). */
    public static String write(String text, Map<String, String> entries) {
        String source = text == null ? "" : text;
        List<String> out = new ArrayList<>();
        Map<String, String> pending = new LinkedHashMap<>(entries);
        for (String row : source.split("\r\n|\r|\n", -1)) {
            Matcher m = KEY_LINE.matcher(row);
            if (m.find()) {
                String value = pending.remove(m.group(1));
                if (value != null) {
                    out.add(line(m.group(1), value));
                }
                continue;
            }
            if (row.equals(COMMENT)) {
                if (!entries.isEmpty()) {
                    out.add(row);
                }
                continue;
            }
            out.add(row);
        }
        // the text's final newline is the empty last row: keep it last
        boolean endsWithNewline = out.size() > 1 && out.get(out.size() - 1).isEmpty();
        if (endsWithNewline) {
            out.remove(out.size() - 1);
        }
        if (out.size() == 1 && out.get(0).isBlank()) {
            out.clear(); // empty text: no blank first line
        }
        if (!pending.isEmpty()) {
            if (!out.contains(COMMENT)) {
                out.add(COMMENT);
            }
            pending.forEach((k, v) -> out.add(line(k, v)));
        }
        String joined = String.join("\n", out);
        return endsWithNewline || !pending.isEmpty() ? joined + "\n" : joined;
    }

    /** Removes the reporter entries and the option's comment. */
    public static String remove(String text) {
        return write(text, Map.of());
    }

    /** True when the text sets any reporter key. */
    public static boolean present(String text) {
        return ParameterText.entries(text).keySet().stream().anyMatch(k -> k.startsWith(PushGatewaySettings.PREFIX));
    }

    /** What the form shows for reporter entries read back from the parameters; fields not found are null. */
    public record Read(String host, Integer port, boolean https, String jobName, String username, String passwordSecretId,
                      Duration interval, String problem) {
    }

    /** Reads the option's fields back from the parameter text; empty when no reporter key is set. */
    public static Optional<Read> read(String text) {
        Map<String, String> e = ParameterText.entries(text);
        if (e.keySet().stream().noneMatch(k -> k.startsWith(PushGatewaySettings.PREFIX))) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        String host = null;
        Integer port = null;
        boolean https = false;
        String url = e.get(PushGatewaySettings.HOST_URL);
        if (url != null) {
            try {
                URI uri = URI.create(url.strip());
                host = uri.getHost();
                https = "https".equalsIgnoreCase(uri.getScheme());
                port = uri.getPort() > 0 ? uri.getPort() : (https ? 443 : 80);
                if (host == null) {
                    problems.add("hostUrl '" + url + "' has no host");
                }
            } catch (IllegalArgumentException ex) {
                problems.add("hostUrl '" + url + "' is not a URL");
            }
        } else {
            problems.add("hostUrl is not set");
        }
        Duration interval = null;
        String rawInterval = e.get(PushGatewaySettings.INTERVAL);
        if (rawInterval != null) {
            Matcher m = INTERVAL.matcher(rawInterval.strip());
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase();
                interval = unit.startsWith("m") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
            } else {
                problems.add("interval '" + rawInterval + "' is not in seconds or minutes");
            }
        }
        String password = e.get(PushGatewaySettings.PASSWORD);
        String secretId = password == null ? null : SecretRefs.idOf(password).orElse(null);
        if (password != null && secretId == null) {
            problems.add("the password is written in clear in the parameters; set it here to keep it as a secret");
        }
        return Optional.of(new Read(host, port, https, e.get(PushGatewaySettings.JOB_NAME_KEY), e.get(PushGatewaySettings.USERNAME),
                secretId, interval, problems.isEmpty() ? null : String.join("; ", problems)));
    }

    private static String line(String key, String value) {
        return key + ": " + value;
    }
}
