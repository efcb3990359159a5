package io.streamdesk.store;

import io.streamdesk.service.alarms.EmailDelivery.SmtpSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The SMTP server for alarm email, from {@code alarm-smtp.properties} in the data directory: host, port, starttls,
 * from, username, passwordSecretId (an id of the secret store, never the password itself). Absent file: no email.
 */
public final class SmtpSettingsFile {
    private SmtpSettingsFile() {
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
        return new SmtpSettings(host.strip(), port, Boolean.parseBoolean(p.getProperty("starttls", "true")),
                p.getProperty("from", "streamdesk@localhost"), p.getProperty("username"), p.getProperty("passwordSecretId"));
    }
}
