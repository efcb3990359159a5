package io.streamdesk.testing;

import io.streamdesk.model.SmtpSettings;
import io.streamdesk.service.port.SmtpSettingsStore;

/** SMTP settings in memory. */
public final class InMemorySmtpSettingsStore implements SmtpSettingsStore {
    private volatile SmtpSettings settings;

    @Override
    public SmtpSettings read() {
        return settings;
    }

    @Override
    public void write(SmtpSettings s) {
        settings = s;
    }
}
