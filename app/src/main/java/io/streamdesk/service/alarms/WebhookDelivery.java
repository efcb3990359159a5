package io.streamdesk.service.alarms;

import io.streamdesk.service.port.SecretStore;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * AL3 webhook: HTTP(S) POST of the alarm JSON. With a secret, the header {@code X-StreamDesk-Signature} carries
 * {@code sha256=} and the hex HMAC-SHA256 of the exact body. Connection errors, 429 and 5xx are retried after the
 * back-off delays; other 4xx answers are final.
 */
public final class WebhookDelivery implements DeliveryChannel {
    public static final String SIGNATURE_HEADER = "X-StreamDesk-Signature";
    public static final List<Duration> DEFAULT_BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(15));

    private final SecretStore secrets;
    private final List<Duration> backoff;
    private final HttpClient http;

    public WebhookDelivery(SecretStore secrets, List<Duration> backoff) {
        this.secrets = secrets;
        this.backoff = List.copyOf(backoff);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean wanted(AlarmMessage message) {
        String url = message.rule().channels().webhookUrl();
        return url != null && !url.isBlank();
    }

    @Override
    public String target(AlarmMessage message) {
        return message.rule().channels().webhookUrl();
    }

    @Override
    public int deliver(AlarmMessage message) throws DeliveryException {
        String body = message.json().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target(message)))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        String secretId = message.rule().channels().webhookSecretId();
        if (secretId != null && !secretId.isBlank()) {
            String secret = secrets.get(secretId).orElseThrow(() -> new DeliveryException(
                    "Webhook secret " + secretId + " is missing from the secret store; set it again in the rule.", 0, null));
            request.header(SIGNATURE_HEADER, "sha256=" + sign(secret, body));
        }
        String last = "";
        for (int attempt = 1; attempt <= backoff.size() + 1; attempt++) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status < 300) {
                    return attempt;
                }
                last = "HTTP " + status;
                if (status < 500 && status != 429) {
                    throw new DeliveryException("The webhook answered " + status + "; not retried.", attempt, null);
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException("Interrupted", attempt, e);
            }
            if (attempt <= backoff.size()) {
                sleep(backoff.get(attempt - 1));
            }
        }
        throw new DeliveryException("The webhook failed " + (backoff.size() + 1) + " times; last: " + last,
                backoff.size() + 1, null);
    }

    /** Hex HMAC-SHA256 of {@code body} under {@code secret}; receivers compute the same to verify. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static void sleep(Duration d) throws DeliveryException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Interrupted", 0, e);
        }
    }
}
