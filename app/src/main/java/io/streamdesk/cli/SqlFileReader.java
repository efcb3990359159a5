package io.streamdesk.cli;

import io.streamdesk.service.InputRejectedException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a SQL file as UTF-8, refusing anything past a size limit without reading it whole. */
final class SqlFileReader {
    /** Same bound as the service's SQL limit (1 MiB); bytes are never fewer than characters. */
    static final int MAX_BYTES = 1 << 20;

    private SqlFileReader() {
    }

    static String read(Path file) {
        return read(file, MAX_BYTES);
    }

    static String read(Path file, int maxBytes) {
        if (!Files.exists(file)) {
            throw new InputRejectedException("SQL file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new InputRejectedException("Not a regular file: " + file);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // read one byte past the limit: the size on disk may change or lie (e.g. a named pipe)
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new InputRejectedException("Cannot read " + file + ": " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            throw new InputRejectedException("SQL file too large: " + file + " is over " + describe(maxBytes)
                    + "; SQL files are limited to " + describe(maxBytes) + ".");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InputRejectedException("Not UTF-8 text: " + file + "; save the SQL file as UTF-8.");
        }
    }

    private static String describe(int bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}
