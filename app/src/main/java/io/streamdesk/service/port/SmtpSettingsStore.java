package io.streamdesk.service.port;

import io.streamdesk.model.SmtpSettings;

/** Where the SMTP server settings of alarm email live (AL3); the password is only a secret id. */
public interface SmtpSettingsStore {

    /** The saved settings, or null when none are saved (no email is sent). */
    SmtpSettings read();

    /** Saves (replaces) the settings; null removes them. */
    void write(SmtpSettings settings);
}
