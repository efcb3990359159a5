package io.streamdesk.service.port;

import io.streamdesk.model.dependency.Dependency;
import io.streamdesk.model.dependency.DependencyKind;
import io.streamdesk.model.dependency.DependencyUse;
import io.streamdesk.model.dependency.DependencyVersion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Metadata of the uploaded dependencies and their versions (DP1-DP3); the files are in a {@link DependencyFileStore}.
 * The references of drafts and job versions are kept by the job and version stores, in the same database, so that a
 * removal here sees them in its own transaction.
 */
public interface DependencyStore {

    /** All dependencies, by name. */
    List<Dependency> list();

    Optional<Dependency> find(String name);

    /** The kept versions of a dependency, newest first; empty when there is no such dependency. */
    List<DependencyVersion> versions(String name);

    Optional<DependencyVersion> version(String name, int version);

    /**
     * Adds the next version of {@code name} (1 for a new dependency, which then gets {@code kind}); numbers are never
     * reused, also after a removal. Refused ({@link VersionLimitException}) when the dependency already keeps
     * {@code maxVersions} versions, and when an existing dependency of that name is of another kind.
     */
    DependencyVersion add(String name, DependencyKind kind, String description, String sha256, long size,
                          Instant createdAt, int maxVersions);

    /** Drafts and job versions that reference any version of {@code name}, by job and version. */
    List<DependencyUse> references(String name);

    /**
     * Removes one version unless a draft or job version references it, in one transaction with that check.
     *
     * @return what references it (nothing removed), or empty when it was removed (or did not exist)
     */
    List<DependencyUse> removeVersion(String name, int version);

    /** Removes the dependency with all its versions unless any of them is referenced; as {@link #removeVersion}. */
    List<DependencyUse> remove(String name);

    /** Whether any kept version (of any dependency) has this content: its file is still needed. */
    boolean contentInUse(String sha256);

    /** A dependency already keeps its maximum number of versions (DP2). */
    final class VersionLimitException extends StoreException {
        public VersionLimitException(String message) {
            super(message);
        }
    }
}
