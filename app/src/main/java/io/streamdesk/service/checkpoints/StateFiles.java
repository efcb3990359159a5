package io.streamdesk.service.checkpoints;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether the desktop can read the files of a checkpoint or savepoint (R6, C2). A remote cluster writes them where it
 * writes them — another host's path, an object store — so "not here" is not "gone" for it: only the local cluster,
 * which shares the desktop's file system, clears a restore point whose files are missing.
 */
public enum StateFiles {
    /** A local path (a {@code file:} URI or an absolute path) that exists on this desktop: its _metadata can be read. */
    READABLE,
    /** A local path that does not exist on this desktop. */
    MISSING_HERE,
    /** Storage the desktop does not reach (s3://, hdfs://, another host's file: URI). */
    ELSEWHERE;

    /** What the app says about a restore point whose files it cannot read but Flink reported completed. */
    public static final String NOT_READABLE_NOTE = "not readable from this desktop \u2014 Flink reported it completed";

    /**
     * True when the job's cluster can read the files at {@code location} but the desktop cannot: other storage, or a
     * file: path missing here when the cluster does not share the desktop's file system (a remote cluster).
     */
    public static boolean notReadableFromDesktop(String location, boolean clusterSharesDesktopFiles) {
        StateFiles files = of(location);
        return files == ELSEWHERE || (files == MISSING_HERE && !clusterSharesDesktopFiles);
    }

    public static StateFiles of(String location) {
        Path path = localPath(location);
        if (path == null) {
            return ELSEWHERE;
        }
        return Files.exists(path) ? READABLE : MISSING_HERE;
    }

    /** The path on this desktop a location names, or null when it names other storage (or is not a location). */
    static Path localPath(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        String l = location.strip();
        try {
            if (l.startsWith("/")) {
                return Path.of(l);
            }
            URI uri = URI.create(l);
            if (!"file".equalsIgnoreCase(uri.getScheme())) {
                return null;
            }
            String host = uri.getAuthority();
            if (host != null && !host.isEmpty() && !"localhost".equals(host.toLowerCase(Locale.ROOT))) {
                return null; // file://otherhost/path: another host's file system
            }
            return Path.of(new URI("file", null, uri.getPath(), null));
        } catch (IllegalArgumentException | java.net.URISyntaxException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
