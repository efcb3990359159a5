package io.streamdesk.flink.local;

import org.apache.flink.runtime.util.EnvironmentInformation;

/** The Flink version bundled with the app, and whether a cluster's version is compatible with it. */
public final class FlinkVersions {

    private FlinkVersions() {
    }

    /** The version of the Flink jars on the classpath, e.g. {@code 2.3.0}. */
    public static String bundled() {
        return EnvironmentInformation.getVersion();
    }

    /** Same major and minor (2.3.0 and 2.3.1 are compatible; 2.2.0 is not). Unknown versions are not compatible. */
    public static boolean sameMinor(String a, String b) {
        String ma = majorMinor(a);
        return ma != null && ma.equals(majorMinor(b));
    }

    static String majorMinor(String version) {
        if (version == null) {
            return null;
        }
        String[] parts = version.strip().split("[.-]");
        return parts.length < 2 ? null : parts[0] + "." + parts[1];
    }
}
