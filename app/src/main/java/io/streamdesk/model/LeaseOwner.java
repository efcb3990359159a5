package io.streamdesk.model;

import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The process that holds an operation lease: its pid, host and start time. The start time tells a live process from
 * a later one that got the same pid.
 *
 * @param processStart start of the process, to the second; null when the platform does not say
 */
public record LeaseOwner(long pid, String host, Instant processStart) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static volatile LeaseOwner current;

    public LeaseOwner {
        Objects.requireNonNull(host, "host");
        processStart = processStart == null ? null : processStart.truncatedTo(ChronoUnit.SECONDS);
    }

    /** This JVM. */
    public static LeaseOwner currentProcess() {
        LeaseOwner me = current;
        if (me == null) {
            ProcessHandle self = ProcessHandle.current();
            me = new LeaseOwner(self.pid(), hostName(), self.info().startInstant().orElse(null));
            current = me;
        }
        return me;
    }

    /** Unique per process: {@code pid@host@start}. */
    public String id() {
        return pid + "@" + host + "@" + (processStart == null ? "?" : processStart.getEpochSecond());
    }

    /**
     * True when this owner ran on this host and is gone: no process with its pid, or one started at another time.
     * An owner on another host is never known to be gone (its lease ends by expiry).
     */
    public boolean isGoneOnThisHost() {
        if (!host.equals(currentProcess().host())) {
            return false;
        }
        return ProcessHandle.of(pid)
                .map(p -> processStart != null && p.info().startInstant()
                        .map(s -> !s.truncatedTo(ChronoUnit.SECONDS).equals(processStart)).orElse(false))
                .orElse(true);
    }

    /** "process 4711 on desk1 (started 10:15:02)". */
    public String describe() {
        return "process " + pid + " on " + host + (processStart == null ? "" : " (started " + TIME.format(processStart) + ")");
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
