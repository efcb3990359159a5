package io.streamdesk.service.alarms;

import io.streamdesk.model.SmtpSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.AlarmRule;
import io.streamdesk.model.JobId;
import io.streamdesk.testing.InMemorySecretStore;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** AL3 email to a real SMTP server (GreenMail) on loopback, with login; triggered and cleared both arrive. */
class EmailDeliveryTest {
    private GreenMail mail;

    @BeforeEach
    void start() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void triggeredAndClearedBothArriveWithTheEventJson() throws Exception {
        mail.setUser("alarms@example.org", "alarms", "pw-123");
        var secrets = new InMemorySecretStore();
        String pw = secrets.put("smtp", "pw-123");
        var email = new EmailDelivery(new SmtpSettings("127.0.0.1", mail.getSmtp().getPort(), false,
                "alarms@example.org", "alarms", pw), secrets);
        var rule = new AlarmRule(3, "Checkpoints failing", AlarmRule.Kind.EVENT, true, AlarmRule.Scope.workspace(), null,
                "{\"kind\": [\"CHECKPOINT_FAILED\"]}", new AlarmRule.Channels(true, false, null, null, "oncall@example.org"),
                null, Instant.EPOCH);
        for (var state : AlarmNotification.State.values()) {
            var n = new AlarmNotification(1, 3, rule.name(), new JobId("cql-abcdefgh"), state, Instant.now(), "2 checkpoint(s) failed", null);
            var json = new ObjectMapper().createObjectNode().put("kind", "CHECKPOINT_FAILED").put("alarmState", state.name());
            assertThat(email.deliver(new AlarmMessage(rule, n, json))).isEqualTo(1);
        }
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getSubject()).isEqualTo("[StreamDesk] TRIGGERED: Checkpoints failing (cql-abcdefgh)");
        assertThat(received[1].getSubject()).startsWith("[StreamDesk] CLEARED");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("oncall@example.org");
        assertThat((String) received[0].getContent()).contains("2 checkpoint(s) failed").contains("\"CHECKPOINT_FAILED\"");
    }
}
