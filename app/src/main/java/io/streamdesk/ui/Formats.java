package io.streamdesk.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times and durations read in tables: short and sortable by eye. */
public final class Formats {
    public static final String NONE = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    public static String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant);
    }

    /** With seconds, for places with room (tooltips, version list). */
    public static String preciseTime(Instant instant) {
        return instant == null ? NONE : TIME_SECONDS.format(instant);
    }

    /** "3d 4h", "2h 05m", "4m 09s", "12s". */
    public static String duration(Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            return d == null ? NONE : "0s";
        }
        long s = d.toSeconds();
        long days = s / 86400;
        long hours = (s % 86400) / 3600;
        long minutes = (s % 3600) / 60;
        long seconds = s % 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return String.format("%dh %02dm", hours, minutes);
        }
        if (minutes > 0) {
            return String.format("%dm %02ds", minutes, seconds);
        }
        return seconds + "s";
    }
}
