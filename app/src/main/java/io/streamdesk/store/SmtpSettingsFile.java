package io.streamdesk.store;

import io.streamdesk.model.SmtpSettings.Security;
import io.streamdesk.model.SmtpSettings;
import io.streamdesk.service.port.SmtpSettingsStore;
import io.streamdesk.service.port.StoreException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

/**
 * The SMTP server for alarm email, from {@code alarm-smtp.properties} in the data directory: host, port, security
 * (none, starttls, ssl; older files: starttls=true|false), from, username, passwordSecretId (an id of the secret
 * store, never the password itself). Absent file: no email. Written atomically (S1).
 */
public final class SmtpSettingsFile implements SmtpSettingsStore {
    private final Path file;

    public SmtpSettingsFile(Path file) {
        this.file = file;
    }

    @Override
    public SmtpSettings read() {
        return read(file);
    }

    @Override
    public void write(SmtpSettings s) {
        try {
            if (s == null) {
                Files.deleteIfExists(file);
                return;
            }
            Properties p = new Properties();
            p.setProperty("host", s.host());
            p.setProperty("port", Integer.toString(s.port()));
            p.setProperty("security", s.security().name().toLowerCase(Locale.ROOT));
            p.setProperty("from", s.from());
            if (s.username() != null && !s.username().isBlank()) {
                p.setProperty("username", s.username());
            }
            if (s.passwordSecretId() != null) {
                p.setProperty("passwordSecretId", s.passwordSecretId());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.store(out, "StreamDesk alarm email (AL3); the password is in the secret store");
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, out.toByteArray());
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StoreException("Writing " + file + " failed: " + e.getMessage(), e);
        }
    }

    public static SmtpSettings read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            return null;
        }
        String host = p.getProperty("host");
        if (host == null || host.isBlank()) {
            return null;
        }
        int port;
        try {
            port = Integer.parseInt(p.getProperty("port", "25").strip());
        } catch (NumberFormatException e) {
            port = 25;
        }
        Security security;
        String raw = p.getProperty("security");
        if (raw != null) {
            try {
                security = Security.valueOf(raw.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                security = Security.STARTTLS;
            }
        } else {
            security = Boolean.parseBoolean(p.getProperty("starttls", "true")) ? Security.STARTTLS : Security.NONE;
        }
        return new SmtpSettings(host.strip(), port, security, p.getProperty("from", "streamdesk@localhost"),
                p.getProperty("username"), p.getProperty("passwordSecretId"));
    }
}
