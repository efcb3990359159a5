package io.streamdesk.model.dependency;

import java.time.Instant;
import java.util.Objects;

/**
 * One immutable uploaded version of a dependency (DP2): its number, what changed, and the content's SHA-256 and size.
 * The file itself lives in the data directory, found by its hash.
 */
public record DependencyVersion(String name, int version, DependencyKind kind, String description, String sha256,
                                long size, Instant createdAt) {
    /** How many hex digits of the hash the lists show. */
    public static final int SHORT_HASH = 12;

    public DependencyVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(createdAt, "createdAt");
        description = description == null ? "" : description;
        if (version < 1) {
            throw new IllegalArgumentException("Dependency versions start at 1: " + version);
        }
    }

    /** {@code name@version}, as the CLI and the job page write a reference. */
    public String label() {
        return name + "@" + version;
    }

    /** The first {@value #SHORT_HASH} hex digits of the SHA-256. */
    public String shortSha256() {
        return shortHash(sha256);
    }

    public static String shortHash(String sha256) {
        return sha256 == null ? "" : sha256.substring(0, Math.min(SHORT_HASH, sha256.length()));
    }
}
