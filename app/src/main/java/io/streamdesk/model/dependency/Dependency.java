package io.streamdesk.model.dependency;

import java.time.Instant;
import java.util.Objects;

/**
 * A dependency as the list shows it (DP1): its name (the uploaded file's name, fixed), kind, and its newest version
 * ({@code latest}); {@code versionCount} versions are kept.
 */
public record Dependency(String name, DependencyKind kind, DependencyVersion latest, int versionCount,
                         Instant createdAt) {
    public Dependency {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** When the newest version was uploaded. */
    public Instant updatedAt() {
        return latest.createdAt();
    }
}
