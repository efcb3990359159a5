package io.streamdesk.service.alarms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.AlarmRule;
import io.streamdesk.model.JobId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AL3 webhook to a JDK HttpServer on loopback: retries with back-off and an HMAC signature the receiver checks. */
class WebhookDeliveryTest {
    private static final String SECRET = "s3cret-key";
    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<Boolean> signatureValid = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    private String start(int failFirst, int failStatus) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String header = exchange.getRequestHeaders().getFirst(WebhookDelivery.SIGNATURE_HEADER);
            // the receiver's own check, as a user would write it
            String expected;
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new java.io.IOException(e);
            }
            signatureValid.add(expected.equals(header));
            bodies.add(body);
            int status = calls.incrementAndGet() <= failFirst ? failStatus : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static AlarmMessage message(String url, String secretId) {
        var rule = new AlarmRule(7, "Job failed", AlarmRule.Kind.EVENT, true, AlarmRule.Scope.workspace(), null,
                "{\"kind\": [\"JOB_FAILED\"]}", new AlarmRule.Channels(true, false, url, secretId, null), null, Instant.EPOCH);
        var n = new AlarmNotification(1, 7, "Job failed", new JobId("cql-abcdefgh"), AlarmNotification.State.TRIGGERED,
                Instant.parse("2026-11-24T10:00:00Z"), "boom", null);
        var json = new ObjectMapper().createObjectNode().put("kind", "JOB_FAILED").put("jobId", "cql-abcdefgh");
        return new AlarmMessage(rule, n, json);
    }

    private static WebhookDelivery webhook() {
        var secrets = new io.streamdesk.testing.InMemorySecretStore();
        secrets.values.put("sec-1", SECRET);
        return new WebhookDelivery(secrets, List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40)));
    }

    @Test
    void receiverFailingTwiceGetsItOnTheThirdAttemptWithAValidSignature() throws Exception {
        String url = start(2, 503);
        int attempts = webhook().deliver(message(url, "sec-1"));
        assertThat(attempts).isEqualTo(3);
        assertThat(calls.get()).isEqualTo(3);
        assertThat(signatureValid).containsOnly(true);
        assertThat(new ObjectMapper().readTree(bodies.get(2)).path("jobId").asText()).isEqualTo("cql-abcdefgh");
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        String url = start(10, 400);
        assertThatThrownBy(() -> webhook().deliver(message(url, "sec-1")))
                .isInstanceOf(DeliveryChannel.DeliveryException.class).hasMessageContaining("400");
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void givesUpAfterTheLastBackoff() throws Exception {
        String url = start(10, 500);
        assertThatThrownBy(() -> webhook().deliver(message(url, "sec-1"))).hasMessageContaining("4 times");
        assertThat(calls.get()).isEqualTo(4);
    }

    @Test
    void aWrongSecretGivesASignatureTheReceiverRejects() throws Exception {
        String url = start(0, 200);
        var secrets = new io.streamdesk.testing.InMemorySecretStore();
        secrets.values.put("sec-1", "another");
        new WebhookDelivery(secrets, List.of()).deliver(message(url, "sec-1"));
        assertThat(signatureValid).containsExactly(false);
        assertThat(WebhookDelivery.sign(SECRET, "{}")).isNotEqualTo(WebhookDelivery.sign("another", "{}"));
    }
}
