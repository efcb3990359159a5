package io.streamdesk.service.clusters;

import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.service.InputRejectedException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text forms of a Kubernetes cluster's settings, as the add dialog and the CLI take them (R3, R4): Flink
 * configuration as {@code key: value} lines, host aliases as {@code ip host1 host2} (or {@code ip=host1,host2}) lines,
 * name servers and search domains as lists, resources as numbers. Every refusal is an {@link InputRejectedException}
 * whose message names the field and, for the line forms, the line; every size is bounded (S3).
 */
public final class KubernetesSpecText {
    public static final int MAX_TEXT_CHARS = 64 * 1024;
    public static final int MAX_KEY_LENGTH = 200;
    public static final int MAX_VALUE_LENGTH = 4_000;
    public static final int MAX_LIST_ENTRIES = 10;
    /** What the dialog and the CLI suggest for a new cluster. */
    public static final String DEFAULT_IMAGE = "flink:2.3";
    public static final String DEFAULT_FLINK_VERSION = "v2_3";
    public static final String DEFAULT_MEMORY = "2048m";
    public static final int DEFAULT_SLOTS = 2;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]*");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");
    private static final Pattern HOST = Pattern.compile("(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?)*\\.?");

    private KubernetesSpecText() {
    }

    /**
     * {@code key: value} lines (blank lines and {@code #} comments skipped) into a map, refusing a line without a
     * colon, an empty or malformed key, a repeated key, with "Flink configuration, line N: ...".
     */
    public static Map<String, String> flinkConfiguration(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        bounded("Flink configuration", text);
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new InputRejectedException("Flink configuration, line " + (i + 1) + ": '" + clip(line)
                        + "' is not 'key: value'.");
            }
            entry(out, "Flink configuration, line " + (i + 1), line.substring(0, colon), line.substring(colon + 1));
        }
        return out;
    }

    /** One {@code key=value} of the CLI's {@code --conf}; {@code where} names it ("--conf #2"). */
    public static void flinkConfigurationEntry(Map<String, String> into, String where, String keyEqualsValue) {
        int eq = keyEqualsValue == null ? -1 : keyEqualsValue.indexOf('=');
        if (eq < 0) {
            throw new InputRejectedException(where + ": '" + clip(String.valueOf(keyEqualsValue))
                    + "' is not key=value.");
        }
        entry(into, where, keyEqualsValue.substring(0, eq), keyEqualsValue.substring(eq + 1));
    }

    private static void entry(Map<String, String> into, String where, String rawKey, String rawValue) {
        String key = rawKey.strip();
        String value = rawValue.strip();
        if (key.isEmpty()) {
            throw new InputRejectedException(where + ": the key is empty.");
        }
        if (key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
            throw new InputRejectedException(where + ": '" + clip(key) + "' is not a Flink option key (letters,"
                    + " digits, '.', '-', '_', at most " + MAX_KEY_LENGTH + " characters).");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new InputRejectedException(where + ": the value of " + key + " is longer than " + MAX_VALUE_LENGTH
                    + " characters.");
        }
        if (value.isEmpty()) {
            throw new InputRejectedException(where + ": " + key + " has no value.");
        }
        if (into.containsKey(key)) {
            throw new InputRejectedException(where + ": " + key + " is set twice.");
        }
        if (into.size() >= KubernetesSpec.MAX_CONFIGURATION_ENTRIES) {
            throw new InputRejectedException(where + ": more than " + KubernetesSpec.MAX_CONFIGURATION_ENTRIES
                    + " entries.");
        }
        into.put(key, value);
    }

    /** Host alias lines, {@code 10.0.0.12 kafka-1.internal kafka-2.internal} or {@code 10.0.0.12=kafka-1,kafka-2}. */
    public static List<KubernetesSpec.HostAlias> hostAliases(String text) {
        List<KubernetesSpec.HostAlias> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        bounded("Host aliases", text);
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            out.add(hostAlias("Host aliases, line " + (i + 1), line));
            if (out.size() > KubernetesSpec.MAX_HOST_ALIASES) {
                throw new InputRejectedException("Host aliases, line " + (i + 1) + ": more than "
                        + KubernetesSpec.MAX_HOST_ALIASES + " host aliases.");
            }
        }
        return out;
    }

    /** One host alias, {@code ip=host1,host2} or {@code ip host1 host2}; {@code where} names it in a refusal. */
    public static KubernetesSpec.HostAlias hostAlias(String where, String text) {
        String[] parts = text.strip().split("[=,\\s]+");
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw new InputRejectedException(where + ": '" + clip(text.strip()) + "' needs an IP and at least one host"
                    + " name, e.g. 10.0.0.12 kafka-1.internal.");
        }
        if (!isIp(parts[0])) {
            throw new InputRejectedException(where + ": '" + clip(parts[0]) + "' is not an IP address.");
        }
        List<String> hosts = new ArrayList<>();
        for (int h = 1; h < parts.length; h++) {
            if (!HOST.matcher(parts[h]).matches()) {
                throw new InputRejectedException(where + ": '" + clip(parts[h]) + "' is not a host name.");
            }
            hosts.add(parts[h].toLowerCase(Locale.ROOT));
        }
        if (hosts.size() > MAX_LIST_ENTRIES * 5) {
            throw new InputRejectedException(where + ": more than " + (MAX_LIST_ENTRIES * 5) + " host names.");
        }
        return new KubernetesSpec.HostAlias(parts[0], hosts);
    }

    /** DNS name servers (IP addresses), separated by commas, spaces or lines; at most 3, as Kubernetes allows. */
    public static List<String> nameservers(String text) {
        List<String> out = list("DNS name servers", text);
        for (String ip : out) {
            if (!isIp(ip)) {
                throw new InputRejectedException("DNS name servers: '" + clip(ip) + "' is not an IP address.");
            }
        }
        if (out.size() > 3) {
            throw new InputRejectedException("DNS name servers: at most 3 (Kubernetes' limit), got " + out.size() + ".");
        }
        return out;
    }

    /** DNS search domains, separated by commas, spaces or lines; at most 32, as Kubernetes allows. */
    public static List<String> searches(String text) {
        List<String> out = list("DNS search domains", text);
        for (String d : out) {
            if (!HOST.matcher(d).matches()) {
                throw new InputRejectedException("DNS search domains: '" + clip(d) + "' is not a domain name.");
            }
        }
        if (out.size() > 32) {
            throw new InputRejectedException("DNS search domains: at most 32 (Kubernetes' limit), got " + out.size() + ".");
        }
        return out;
    }

    private static List<String> list(String field, String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        bounded(field, text);
        for (String part : text.strip().split("[,\\s]+")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    /** CPU cores from text: "JobManager CPU: 'x' is not a number of cores (e.g. 1 or 0.5)." */
    public static double cpu(String field, String text) {
        String t = text == null ? "" : text.strip();
        try {
            double v = Double.parseDouble(t);
            if (!(v > 0) || v > 256 || Double.isNaN(v)) {
                throw new InputRejectedException(field + ": " + t + " is outside 0..256 cores.");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputRejectedException(field + ": '" + clip(t) + "' is not a number of cores (e.g. 1 or 0.5).");
        }
    }

    /** A whole number in {@code min..max}: "TaskManager replicas: 'x' is not a whole number." */
    public static int count(String field, String text, int min, int max) {
        String t = text == null ? "" : text.strip();
        try {
            int v = Integer.parseInt(t);
            if (v < min || v > max) {
                throw new InputRejectedException(field + ": " + v + " is outside " + min + ".." + max + ".");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputRejectedException(field + ": '" + clip(t) + "' is not a whole number.");
        }
    }

    /** The host alias lines of a spec, as the dialog shows them. */
    public static String hostAliasLines(List<KubernetesSpec.HostAlias> aliases) {
        List<String> lines = new ArrayList<>();
        for (KubernetesSpec.HostAlias a : aliases) {
            lines.add(a.ip() + " " + String.join(" ", a.hostnames()));
        }
        return String.join("\n", lines);
    }

    /** The Flink configuration of a spec as {@code key: value} lines. */
    public static String configurationLines(Map<String, String> conf) {
        List<String> lines = new ArrayList<>();
        conf.forEach((k, v) -> lines.add(k + ": " + v));
        return String.join("\n", lines);
    }

    /** "1 CPU, 2048m" for a page and the CLI; with " x 3" for replicas when asked. */
    public static String resources(KubernetesSpec.Resources r, boolean withReplicas) {
        String cpu = r.cpu() == Math.rint(r.cpu()) ? Long.toString((long) r.cpu()) : Double.toString(r.cpu());
        return (withReplicas ? r.replicas() + " x " : "") + cpu + " CPU, " + r.memory();
    }

    private static boolean isIp(String s) {
        return IPV4.matcher(s).matches() || (s.length() <= 45 && IPV6.matcher(s).matches() && s.contains(":"));
    }

    private static void bounded(String field, String text) {
        if (text.length() > MAX_TEXT_CHARS) {
            throw new InputRejectedException(field + ": at most " + MAX_TEXT_CHARS + " characters.");
        }
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
