package io.streamdesk.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Real jar files (and files that only look like one) made in a test's temp directory, never committed. */
public final class TestJars {
    private TestJars() {
    }

    /** A small real jar with a manifest and one entry whose content is {@code marker} (so versions differ). */
    public static Path jar(Path dir, String name, String marker) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("io/streamdesk/test/marker.txt"));
            jar.write(marker.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return file;
    }

    /** A sparse file of {@code bytes} zero bytes (no disk blocks used): bigger than any limit, cheap to make. */
    public static Path sparse(Path dir, String name, long bytes) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        }
        return file;
    }

    /** A text file. */
    public static Path text(Path dir, String name, String content) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), content);
    }
}
