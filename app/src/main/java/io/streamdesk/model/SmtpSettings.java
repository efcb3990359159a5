package io.streamdesk.model;

/** SMTP server settings of the alarm emails (AL3); {@code passwordSecretId} null for a server without login. */
public record SmtpSettings(String host, int port, Security security, String from, String username, String passwordSecretId) {
    public SmtpSettings {
        security = security == null ? Security.NONE : security;
    }

    /** Settings of the first version: STARTTLS on or off. */
    public SmtpSettings(String host, int port, boolean startTls, String from, String username, String passwordSecretId) {
        this(host, port, startTls ? Security.STARTTLS : Security.NONE, from, username, passwordSecretId);
    }

    public boolean startTls() {
        return security == Security.STARTTLS;
    }

    public boolean login() {
        return username != null && !username.isBlank();
    }

    /** How the connection to the SMTP server is secured. */
    public enum Security {
        /** Plain SMTP (port 25 or a relay on the local network). */
        NONE("None"),
        /** Plain connection upgraded with STARTTLS, which is then required (usually port 587). */
        STARTTLS("STARTTLS"),
        /** TLS from the first byte, "SMTPS" (usually port 465). */
        SSL("SSL/TLS");

        private final String label;

        Security(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
