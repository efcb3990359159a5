package io.streamdesk.service.dependencies;

import io.streamdesk.service.InputRejectedException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What makes a file a JAR for the upload (DP1): it starts with a zip local file header ({@code PK\3\4}) and its
 * central directory (the zip's table of contents at its end) reads, with at least one entry. A truncated download
 * fails the second test.
 */
final class JarCheck {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private JarCheck() {
    }

    /** Refuses {@code file} (shown as {@code name}) when it is not a readable jar. */
    static void require(Path file, String name) throws IOException {
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 4);
        }
        if (read < 4 || !Arrays.equals(head, ZIP_MAGIC)) {
            throw new InputRejectedException(name + " is not a JAR: it does not start like a zip archive (a JAR is a"
                    + " zip file; a .jar file must be one).");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() == 0) {
                throw new InputRejectedException(name + " is not a JAR: the zip archive has no entries.");
            }
        } catch (ZipException e) {
            throw new InputRejectedException(name + " is not a JAR: its zip directory cannot be read ("
                    + e.getMessage() + "); the file may be truncated or damaged.");
        }
    }
}
