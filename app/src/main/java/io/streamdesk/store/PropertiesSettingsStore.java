package io.streamdesk.store;

import io.streamdesk.service.port.SettingsStore;
import io.streamdesk.service.port.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings in {@code settings.properties} of the data directory. A write goes to a temporary file that replaces the
 * old one in one move, so a crash leaves either the old or the new settings, never half a file.
 */
public final class PropertiesSettingsStore implements SettingsStore {
    private static final int MAX_VALUE = 4096;

    private final Path file;

    public PropertiesSettingsStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(read().getProperty(key));
    }

    @Override
    public synchronized void put(String key, String value) {
        if (value != null && value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("Setting " + key + ": at most " + MAX_VALUE + " characters.");
        }
        Properties values = read();
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "StreamDesk settings");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StoreException("Could not save the settings to " + file + ": " + e.getMessage(), e);
        }
    }

    private Properties read() {
        Properties values = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new StoreException("Could not read the settings in " + file + ": " + e.getMessage(), e);
            }
        }
        return values;
    }
}
