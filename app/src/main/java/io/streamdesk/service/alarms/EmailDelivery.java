package io.streamdesk.service.alarms;

import io.streamdesk.model.SmtpSettings;
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

    /** A mail session for {@code smtp}, logging in with {@code password} when the settings have a user. */
    static Session session(SmtpSettings smtp, String password) {
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        switch (smtp.security()) {
            case STARTTLS -> {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
            }
            case SSL -> {
                props.put("mail.smtp.ssl.enable", "true");
                props.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> props.put("mail.smtp.starttls.enable", "false");
        }
        Authenticator auth = null;
        if (smtp.login()) {
            props.put("mail.smtp.auth", "true");
            String user = smtp.username();
            String pw = password == null ? "" : password;
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, pw);
                }
            };
        }
        return Session.getInstance(props, auth);
    }

    @Override
    public int deliver(AlarmMessage message) throws DeliveryException {
        SmtpSettings smtp = settings.get();
        if (smtp == null) {
            throw new DeliveryException("No SMTP server is configured (alarm-smtp.properties in the data directory).", 0, null);
        }
        String password = smtp.login() && smtp.passwordSecretId() != null ? secrets.get(smtp.passwordSecretId()).orElse("") : "";
        Session session = session(smtp, password);
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
