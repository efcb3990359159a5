package io.streamdesk.model.dependency;

import java.util.Locale;

/**
 * What a dependency is (DP1): a JAR package (connectors, UDFs, a JAR job's main jar) or a configuration file. The
 * kind follows from the file name ({@code .jar} is a JAR) and never changes, as the name does not.
 */
public enum DependencyKind {
    JAR("JAR", 50L * 1024 * 1024),
    CONFIG_FILE("configuration file", 2L * 1024 * 1024);

    private final String label;
    private final long maxBytes;

    DependencyKind(String label, long maxBytes) {
        this.label = label;
        this.maxBytes = maxBytes;
    }

    /** How the kind reads in a sentence: "JAR", "configuration file". */
    public String label() {
        return label;
    }

    /** The largest file of this kind that is accepted (DP1: 50 MB for a JAR, 2 MB for a configuration file). */
    public long maxBytes() {
        return maxBytes;
    }

    /** {@code .jar} (any case) is a JAR, anything else a configuration file. */
    public static DependencyKind forFileName(String fileName) {
        return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".jar") ? JAR : CONFIG_FILE;
    }

    /** A byte count as people read it: "812 B", "3.4 KB", "50.0 MB" (1 KB = 1024 bytes). */
    public static String formatSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
