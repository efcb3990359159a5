package io.streamdesk.service.logs;

import java.util.List;
import java.util.Locale;

/** EV6: log lines known to be harmless; hidden from searches unless asked for. */
public final class HarmlessLines {
    private static final List<String> KNOWN = List.of(
            "plugins directory", // "The plugins directory [...] does not exist."
            "will not attempt to authenticate using sasl", // ZooKeeper SASL
            "sasl configuration failed",
            "authentication failed", // Curator auth without credentials
            "unable to load native-hadoop library",
            "ship directory",
            "error while trying to split key and value in configuration file", // GlobalConfiguration
            "zkpaths", // ZKPaths: ZooKeeper version without container nodes
            "jdk7 types");

    private HarmlessLines() {
    }

    public static boolean harmless(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String k : KNOWN) {
            if (lower.contains(k)) {
                return true;
            }
        }
        return false;
    }
}
