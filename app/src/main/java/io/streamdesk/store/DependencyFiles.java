package io.streamdesk.store;

import io.streamdesk.model.dependency.DependencyKind;
import io.streamdesk.service.port.DependencyFileStore;
import io.streamdesk.service.port.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@link DependencyFileStore} in a directory of the data directory ({@code dependencies/}): a file is kept as
 * {@code <first two hex digits>/<sha256>} ({@code .jar} added for a JAR, so tools that look at the name accept it).
 * An upload is copied into {@code .staging/} while it is hashed and counted, checked there, then linked (or moved,
 * where the file system has no hard links) to its final name in one step: a crash leaves at most a staging file,
 * never a half-written stored one, and an existing stored file is never overwritten. Stored files are read-only.
 * <p>
 * {@link #verified} hashes a file once and then trusts it while its size, modification time and file key stay the
 * same, so a check of a job with large jars does not re-read them each time; any rewrite changes those and is hashed
 * again.
 */
public final class DependencyFiles implements DependencyFileStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;
    private static final String STAGING = ".staging";

    private final Path root;
    private final Map<Path, Stamp> verifiedStamps = new ConcurrentHashMap<>();

    private record Stamp(long size, long modifiedNanos, Object fileKey) {
    }

    /** Over {@code root} (created on the first upload, not before). */
    public DependencyFiles(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public StoredContent put(Path source, DependencyKind kind, long maxBytes, StagedCheck check) {
        Objects.requireNonNull(kind, "kind");
        Path staging = root.resolve(STAGING);
        Path staged = null;
        try {
            Files.createDirectories(staging);
            staged = Files.createTempFile(staging, "upload-", ".tmp");
            StoredContent content = copyCounting(source, staged, maxBytes);
            if (check != null) {
                check.check(staged);
            }
            Path target = pathOf(content.sha256(), kind);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                keep(staged, target);
            }
            return content;
        } catch (IOException e) {
            throw new StoreException("Storing " + source.getFileName() + " failed: " + e.getMessage(), e);
        } finally {
            if (staged != null) {
                try {
                    Files.deleteIfExists(staged);
                } catch (IOException ignored) {
                    // a staging file left behind is harmless: it is never read, and the next upload uses another name
                }
            }
        }
    }

    /** Hard link first: it fails instead of replacing when another process kept the same content meanwhile. */
    private static void keep(Path staged, Path target) throws IOException {
        readOnly(staged);
        try {
            Files.createLink(target, staged);
            return;
        } catch (FileAlreadyExistsException e) {
            return; // the same content (same hash), kept by someone else: leave theirs
        } catch (UnsupportedOperationException | IOException e) {
            // no hard links on this file system: an atomic rename after the existence check
        }
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged, target);
        }
    }

    private static void readOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        } else {
            file.toFile().setWritable(false);
        }
    }

    private static StoredContent copyCounting(Path source, Path staged, long maxBytes) throws IOException {
        MessageDigest digest = sha256();
        long total = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(source);
             OutputStream out = Files.newOutputStream(staged, StandardOpenOption.TRUNCATE_EXISTING)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLargeException(source.getFileName() + " is larger than " + maxBytes + " bytes", total);
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            out.flush();
        }
        try (var channel = java.nio.channels.FileChannel.open(staged, StandardOpenOption.WRITE)) {
            channel.force(true); // the bytes are on disk before the name says they are there
        }
        return new StoredContent(HexFormat.of().formatHex(digest.digest()), total);
    }

    @Override
    public Path verified(String sha256, DependencyKind kind) {
        Path file = pathOf(sha256, kind);
        Stamp stamp;
        try {
            stamp = stamp(file);
        } catch (NoSuchFileException e) {
            verifiedStamps.remove(file);
            throw new ContentProblemException("The stored file of sha256 " + sha256 + " is missing (" + file
                    + "): upload the dependency again as a new version and choose that version.");
        } catch (IOException e) {
            throw new ContentProblemException("The stored file " + file + " cannot be read: " + e.getMessage());
        }
        if (stamp.equals(verifiedStamps.get(file))) {
            return file;
        }
        String actual;
        try {
            actual = hash(file);
        } catch (IOException e) {
            throw new ContentProblemException("The stored file " + file + " cannot be read: " + e.getMessage());
        }
        if (!actual.equals(sha256)) {
            verifiedStamps.remove(file);
            throw new ContentProblemException("The stored file " + file + " was changed on disk: its sha256 is "
                    + actual + ", the version was uploaded with " + sha256
                    + ". Upload the dependency again as a new version and choose that version.");
        }
        verifiedStamps.put(file, stamp);
        return file;
    }

    @Override
    public byte[] read(String sha256, DependencyKind kind, long maxBytes) {
        Path file = pathOf(sha256, kind);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new ContentProblemException("The stored file " + file + " has " + size + " bytes, more than the "
                        + maxBytes + " that are read.");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ContentProblemException("The stored file of sha256 " + sha256 + " is missing (" + file + ").");
        } catch (IOException e) {
            throw new ContentProblemException("The stored file " + file + " cannot be read: " + e.getMessage());
        }
        String actual = HexFormat.of().formatHex(sha256().digest(bytes));
        if (!actual.equals(sha256)) {
            throw new ContentProblemException("The stored file " + file + " was changed on disk: its sha256 is "
                    + actual + ", the version was uploaded with " + sha256 + ".");
        }
        return bytes;
    }

    @Override
    public void delete(String sha256, DependencyKind kind) {
        Path file = pathOf(sha256, kind);
        verifiedStamps.remove(file);
        try {
            file.toFile().setWritable(true); // Windows refuses to delete a read-only file
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException("Deleting " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** Where the content of {@code sha256} is kept. */
    public Path pathOf(String sha256, DependencyKind kind) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new StoreException("Not a sha256 (64 lowercase hex digits): " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(kind == DependencyKind.JAR ? sha256 + ".jar" : sha256);
    }

    private static Stamp stamp(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.fileKey());
    }

    /** The SHA-256 of a file, lowercase hex. */
    public static String hash(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
