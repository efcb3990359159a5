package io.streamdesk.service.alarms;

import io.streamdesk.service.port.SecretStore;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Properties;

/** AL3 email over SMTP (jakarta.mail); the password comes from the secret store. One attempt, then a retry. */
public final class EmailDelivery implements DeliveryChannel {

    /** SMTP server settings; {@code passwordSecretId} null for a server without login. */
    public record SmtpSettings(String host, int port, boolean startTls, String from, String username, String passwordSecretId) {
    }

    private final java.util.function.Supplier<SmtpSettings> settings;
    private final SecretStore secrets;

    public EmailDelivery(SmtpSettings smtp, SecretStore secrets) {
        this(() -> smtp, secrets);
    }

    /** @param settings read at each delivery (null: no SMTP server configured, email is skipped) */
    public EmailDelivery(java.util.function.Supplier<SmtpSettings> settings, SecretStore secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean wanted(AlarmMessage message) {
        String to = message.rule().channels().emailTo();
        return settings.get() != null && to != null && !to.isBlank();
    }

    @Override
    public String target(AlarmMessage message) {
        return message.rule().channels().emailTo();
    }

    @Override
    public int deliver(AlarmMessage message) throws DeliveryException {
        SmtpSettings smtp = settings.get();
        if (smtp == null) {
            throw new DeliveryException("No SMTP server is configured (alarm-smtp.properties in the data directory).", 0, null);
        }
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.starttls.enable", String.valueOf(smtp.startTls()));
        Authenticator auth = null;
        if (smtp.username() != null && !smtp.username().isBlank()) {
            props.put("mail.smtp.auth", "true");
            String password = smtp.passwordSecretId() == null ? "" : secrets.get(smtp.passwordSecretId()).orElse("");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(smtp.username(), password);
                }
            };
        }
        Session session = Session.getInstance(props, auth);
        MessagingException last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                MimeMessage mail = new MimeMessage(session);
                mail.setFrom(new InternetAddress(smtp.from()));
                mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(target(message)));
                mail.setSubject(message.subject(), "UTF-8");
                mail.setText(message.notification().message() + "\n\n" + message.json().toPrettyString(), "UTF-8");
                Transport.send(mail);
                return attempt;
            } catch (MessagingException e) {
                last = e;
            }
        }
        throw new DeliveryException("SMTP delivery to " + target(message) + " failed: " + last.getMessage(), 2, last);
    }
}
