package io.streamdesk.service.alarms;

import io.streamdesk.service.InputRejectedException;
import io.streamdesk.model.SmtpSettings.Security;
import io.streamdesk.model.SmtpSettings;
import io.streamdesk.service.port.SecretStore;
import io.streamdesk.service.port.SmtpSettingsStore;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SMTP server of alarm email (AL3): validated settings, the password kept in the secret store (S2) and never
 * given back, and a test email that reports the server's answer.
 */
public final class SmtpSettingsService {
    public static final int MAX_USER_CHARS = 254;
    public static final int MAX_PASSWORD_CHARS = 4096;
    public static final int MAX_ADDRESS_CHARS = 254;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

    private final SmtpSettingsStore store;
    private final SecretStore secrets;

    public SmtpSettingsService(SmtpSettingsStore store, SecretStore secrets) {
        this.store = Objects.requireNonNull(store, "store");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /**
     * What the user typed. {@code newPassword} empty keeps the stored one; a blank user means no login (and drops a
     * stored password).
     */
    public record Form(String host, String port, Security security, String username, String newPassword, String from) {
    }

    /** The saved settings; empty when email is not configured. */
    public Optional<SmtpSettings> current() {
        return Optional.ofNullable(store.read());
    }

    /** Whether a password is stored for the saved settings (its value is never shown). */
    public boolean passwordSet() {
        return current().map(SmtpSettings::passwordSecretId).flatMap(secrets::get).isPresent();
    }

    /** Validates and saves; a new password replaces the stored secret (the old one is deleted). */
    public SmtpSettings save(Form form) {
        SmtpSettings checked = validate(form, "pending");
        SmtpSettings previous = store.read();
        String oldSecret = previous == null ? null : previous.passwordSecretId();
        String secretId = null;
        if (checked.login()) {
            if (!form.newPassword().isEmpty()) {
                secretId = secrets.put("smtp " + checked.username() + "@" + checked.host(), form.newPassword());
            } else {
                secretId = oldSecret;
            }
        }
        SmtpSettings saved = new SmtpSettings(checked.host(), checked.port(), checked.security(), checked.from(),
                checked.login() ? checked.username() : null, secretId);
        store.write(saved);
        if (oldSecret != null && !oldSecret.equals(secretId)) {
            secrets.delete(oldSecret);
        }
        return saved;
    }

    /** Removes the settings and their password: no more alarm email. */
    public void remove() {
        SmtpSettings previous = store.read();
        store.write(null);
        if (previous != null && previous.passwordSecretId() != null) {
            secrets.delete(previous.passwordSecretId());
        }
    }

    /**
     * Sends a test email with the settings as typed (the typed password, else the stored one) to {@code to}.
     * Blocking (seconds): call off the UI thread.
     *
     * @return what was done, for the user
     * @throws InputRejectedException for bad input, {@link DeliveryChannel.DeliveryException} with the server's error
     */
    public String sendTest(Form form, String to) throws DeliveryChannel.DeliveryException {
        SmtpSettings s = validate(form, null);
        String recipient = address(to, "Test recipient");
        String password = "";
        if (s.login()) {
            if (!form.newPassword().isEmpty()) {
                password = form.newPassword();
            } else {
                password = current().map(SmtpSettings::passwordSecretId).flatMap(secrets::get).orElseThrow(() ->
                        new InputRejectedException("Password: no password is stored yet; type it to send the test email."));
            }
        }
        try {
            MimeMessage mail = new MimeMessage(EmailDelivery.session(s, password));
            mail.setFrom(new InternetAddress(s.from()));
            mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient));
            mail.setSubject("[StreamDesk] Test email", "UTF-8");
            mail.setText("This is a test email from StreamDesk's alarm settings (" + s.host() + ":" + s.port() + ", "
                    + s.security() + "). Alarm notifications will arrive like this one.", "UTF-8");
            Transport.send(mail);
        } catch (MessagingException e) {
            throw new DeliveryChannel.DeliveryException("The SMTP server " + s.host() + ":" + s.port() + " did not take the email: "
                    + describe(e), 1, null);
        }
        return "Test email sent to " + recipient + " through " + s.host() + ":" + s.port() + " (" + s.security() + ").";
    }

    /** The form as settings, or a clear message naming the field. */
    static SmtpSettings validate(Form f, String secretId) {
        String host = f.host() == null ? "" : f.host().strip();
        if (host.isEmpty()) {
            throw new InputRejectedException("SMTP host: required (e.g. smtp.example.org).");
        }
        if (host.length() > 253 || !HOST.matcher(host).matches()) {
            throw new InputRejectedException("SMTP host: a host name or IP address of letters, digits, '.' and '-' (got '"
                    + abbreviate(host) + "').");
        }
        int port;
        try {
            port = Integer.parseInt(f.port() == null ? "" : f.port().strip());
        } catch (NumberFormatException e) {
            throw new InputRejectedException("SMTP port: a whole number 1..65535 (got '" + abbreviate(String.valueOf(f.port())) + "').");
        }
        if (port < 1 || port > 65535) {
            throw new InputRejectedException("SMTP port: 1..65535 (got " + port + "). Usual ports: 25 (none), 587 (STARTTLS), 465 (SSL/TLS).");
        }
        if (f.security() == null) {
            throw new InputRejectedException("Security: choose None, STARTTLS or SSL/TLS.");
        }
        String user = f.username() == null ? "" : f.username().strip();
        if (user.length() > MAX_USER_CHARS) {
            throw new InputRejectedException("User: at most " + MAX_USER_CHARS + " characters.");
        }
        String password = f.newPassword() == null ? "" : f.newPassword();
        if (password.length() > MAX_PASSWORD_CHARS) {
            throw new InputRejectedException("Password: at most " + MAX_PASSWORD_CHARS + " characters.");
        }
        if (user.isEmpty() && !password.isEmpty()) {
            throw new InputRejectedException("Password: give the user it belongs to, or leave the password empty.");
        }
        String from = address(f.from(), "From address");
        return new SmtpSettings(host, port, f.security(), from, user.isEmpty() ? null : user, secretId);
    }

    private static String address(String raw, String field) {
        String a = raw == null ? "" : raw.strip();
        if (a.isEmpty()) {
            throw new InputRejectedException(field + ": required (e.g. alarms@example.org).");
        }
        if (a.length() > MAX_ADDRESS_CHARS) {
            throw new InputRejectedException(field + ": at most " + MAX_ADDRESS_CHARS + " characters.");
        }
        try {
            InternetAddress parsed = new InternetAddress(a, true);
            parsed.validate();
            String address = parsed.getAddress();
            int at = address.indexOf('@');
            if (at <= 0 || at == address.length() - 1 || address.indexOf('.', at) < 0 && !address.endsWith("@localhost")) {
                throw new AddressException("name@domain expected");
            }
            return a;
        } catch (AddressException e) {
            throw new InputRejectedException(field + ": '" + abbreviate(a) + "' is not an email address (name@example.org).");
        }
    }

    private static String describe(MessagingException e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()).strip());
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
        for (int depth = 0; cause != null && depth < 3; depth++) {
            String m = cause.getMessage();
            if (m != null && !b.toString().contains(m.strip())) {
                b.append(": ").append(m.strip());
            }
            cause = cause.getCause();
        }
        return b.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
