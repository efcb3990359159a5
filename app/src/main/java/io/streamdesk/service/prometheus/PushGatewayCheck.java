package io.streamdesk.service.prometheus;

import io.streamdesk.service.port.SecretStore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * "Test connection" of the MO4 option: pushes one gauge to the PushGateway with the settings (and credentials)
 * the job would use, so a wrong host, port or password shows before the job runs. Answers a readable outcome.
 */
public final class PushGatewayCheck {
    private final SecretStore secrets;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PushGatewayCheck(SecretStore secrets) {
        this.secrets = secrets;
    }

    /** PUTs {@code streamdesk_pushgateway_check 1} under the job name; returns the HTTP status, throws on no answer. */
    public int push(PushGatewaySettings s) throws IOException, InterruptedException {
        String password = s.username() == null || s.username().isBlank() ? null : secrets.get(s.passwordSecretId()).orElse("");
        return push(s, password);
    }

    /** The same with a password the user just typed (not stored yet). */
    public int push(PushGatewaySettings s, String password) throws IOException, InterruptedException {
        String body = "# TYPE streamdesk_pushgateway_check gauge\nstreamdesk_pushgateway_check 1\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(s.url() + "/metrics/job/" + s.jobName()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain; version=0.0.4")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (s.username() != null && !s.username().isBlank()) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((s.username() + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
