package io.streamdesk.service.alarms;

import io.streamdesk.model.SmtpSettings;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.model.SmtpSettings.Security;
import io.streamdesk.store.SmtpSettingsFile;
import io.streamdesk.testing.InMemorySecretStore;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AL3 SMTP settings: validation, the password in the secret store only, and a test email to GreenMail. */
class SmtpSettingsServiceTest {
    @TempDir
    Path dir;
    private GreenMail mail;
    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private SmtpSettingsService service;
    private Path file;

    @BeforeEach
    void start() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        mail.setUser("alarms@example.org", "alarms", "pw-123");
        file = dir.resolve("alarm-smtp.properties");
        service = new SmtpSettingsService(new SmtpSettingsFile(file), secrets);
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    private SmtpSettingsService.Form form(String port, String password) {
        return new SmtpSettingsService.Form("127.0.0.1", port, Security.NONE, "alarms", password, "alarms@example.org");
    }

    @Test
    void savedSettingsKeepThePasswordOnlyInTheSecretStoreAndATestEmailArrives() throws Exception {
        String port = Integer.toString(mail.getSmtp().getPort());
        var saved = service.save(form(port, "pw-123"));
        assertThat(Files.readString(file)).doesNotContain("pw-123").contains("passwordSecretId=" + saved.passwordSecretId())
                .contains("security=none");
        assertThat(SmtpSettingsFile.read(file)).isEqualTo(saved);
        assertThat(service.passwordSet()).isTrue();

        // an empty password field keeps the stored one; the test email logs in with it
        String done = service.sendTest(form(port, ""), "oncall@example.org");
        assertThat(done).contains("oncall@example.org");
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("[StreamDesk] Test email");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("oncall@example.org");

        // a new password replaces the secret and deletes the old one
        var replaced = service.save(form(port, "pw-456"));
        assertThat(replaced.passwordSecretId()).isNotEqualTo(saved.passwordSecretId());
        assertThat(secrets.get(saved.passwordSecretId())).isEmpty();
        assertThat(secrets.get(replaced.passwordSecretId())).contains("pw-456");
        // the delivery reads the same file
        assertThat(new EmailDelivery(() -> SmtpSettingsFile.read(file), secrets).name()).isEqualTo("email");
    }

    @Test
    void aWrongPasswordReportsTheServersError() {
        String port = Integer.toString(mail.getSmtp().getPort());
        assertThatThrownBy(() -> service.sendTest(form(port, "wrong"), "oncall@example.org"))
                .isInstanceOf(DeliveryChannel.DeliveryException.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("535")
                .hasMessageNotContaining("wrong");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> service.save(form("0", "")))
                .isInstanceOf(InputRejectedException.class).hasMessageStartingWith("SMTP port: 1..65535 (got 0)");
        assertThatThrownBy(() -> service.save(form("65536", ""))).hasMessageStartingWith("SMTP port: 1..65535");
        assertThatThrownBy(() -> service.save(form("25a", ""))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> service.save(new SmtpSettingsService.Form("smtp example", "25", Security.NONE, "", "", "a@b.org")))
                .hasMessageStartingWith("SMTP host:");
        assertThatThrownBy(() -> service.save(new SmtpSettingsService.Form("h", "25", Security.NONE, "", "", "not-an-address")))
                .hasMessageStartingWith("From address: 'not-an-address' is not an email address");
        assertThatThrownBy(() -> service.save(new SmtpSettingsService.Form("h", "25", Security.NONE, "", "pw", "a@b.org")))
                .hasMessageStartingWith("Password: give the user");
        assertThatThrownBy(() -> service.sendTest(new SmtpSettingsService.Form("h", "25", Security.NONE, "", "", "a@b.org"), "x@"))
                .hasMessageStartingWith("Test recipient:");
        assertThatThrownBy(() -> service.sendTest(form("25", ""), "a@b.org"))
                .hasMessageStartingWith("Password: no password is stored yet");
        assertThat(Files.exists(file)).isFalse();
        assertThat(secrets.values).isEmpty();
    }

    @Test
    void filesOfTheFirstVersionStillRead() throws Exception {
        Files.writeString(file, "host=mail.example.org\nport=587\nstarttls=true\nfrom=a@b.org\n");
        assertThat(SmtpSettingsFile.read(file).security()).isEqualTo(Security.STARTTLS);
        Files.writeString(file, "host=mail.example.org\nstarttls=false\nfrom=a@b.org\n");
        assertThat(SmtpSettingsFile.read(file).security()).isEqualTo(Security.NONE);
        service.remove();
        assertThat(service.current()).isEmpty();
    }
}
