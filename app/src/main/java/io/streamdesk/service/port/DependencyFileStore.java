package io.streamdesk.service.port;

import io.streamdesk.model.dependency.DependencyKind;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The files of dependency versions (DP1), content-addressed by SHA-256: written once, atomically, never overwritten.
 * What is found here is checked against the hash it was stored under.
 */
public interface DependencyFileStore {

    /** A check of the staged copy before it is kept (a JAR must be a readable zip); throws to refuse it. */
    @FunctionalInterface
    interface StagedCheck {
        void check(Path staged) throws IOException;
    }

    /** What was stored: the content's SHA-256 (lowercase hex) and its size in bytes. */
    record StoredContent(String sha256, long size) {
    }

    /**
     * Copies {@code source} into the store: into a temporary file first (at most {@code maxBytes}, else
     * {@link TooLargeException} and nothing kept), then {@code check}, then moved under its hash. Content already
     * stored is left as it is.
     */
    StoredContent put(Path source, DependencyKind kind, long maxBytes, StagedCheck check);

    /**
     * The stored file of {@code sha256}, after checking that its content still has that hash.
     *
     * @throws ContentProblemException when the file is missing or its content changed
     */
    Path verified(String sha256, DependencyKind kind);

    /** The stored content of a small file, checked against its hash ({@link #verified}); at most {@code maxBytes}. */
    byte[] read(String sha256, DependencyKind kind, long maxBytes);

    /** Deletes the stored file of {@code sha256} if there is one. */
    void delete(String sha256, DependencyKind kind);

    /** The file to store is larger than allowed; {@code size} is how far it was read (at least the limit + 1). */
    final class TooLargeException extends StoreException {
        private final long size;

        public TooLargeException(String message, long size) {
            super(message);
            this.size = size;
        }

        public long size() {
            return size;
        }
    }

    /** A stored file is missing or no longer has the content it was stored with. */
    final class ContentProblemException extends StoreException {
        public ContentProblemException(String message) {
            super(message);
        }
    }
}
