package io.streamdesk.model.cluster;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach a remote Flink REST API (R2, R6): its URL (http or https, with an optional path prefix when a reverse
 * proxy serves it under one, e.g. {@code https://proxy.example.com/flink/prod}), optional basic auth whose password
 * lives in the secret store (only its id is here), and TLS: the system trust store unless a CA file (PEM) is given,
 * and an optional client certificate and key (PEM, PKCS#8) for mutual TLS.
 *
 * @param restUrl          the REST base URL, without a trailing slash
 * @param username         basic auth user, or null for none
 * @param passwordSecretId the secret store id of the password, or null (never the password itself)
 * @param caFile           PEM file of the CA (or certificate) to trust instead of the system trust store, or null
 * @param clientCertFile   PEM client certificate for mutual TLS, or null
 * @param clientKeyFile    PEM (PKCS#8) key of that certificate, or null
 */
public record RemoteEndpoint(String restUrl, String username, String passwordSecretId, Path caFile,
                             Path clientCertFile, Path clientKeyFile) {
    public static final int MAX_URL_LENGTH = 2_000;

    public RemoteEndpoint {
        Objects.requireNonNull(restUrl, "restUrl");
        restUrl = restUrl.strip();
        while (restUrl.endsWith("/")) {
            restUrl = restUrl.substring(0, restUrl.length() - 1);
        }
        username = username == null || username.isBlank() ? null : username;
        if ((clientCertFile == null) != (clientKeyFile == null)) {
            throw new IllegalArgumentException("A client certificate needs its key, and a key its certificate.");
        }
    }

    /** Just a URL: no auth, the system trust store, no client certificate. */
    public static RemoteEndpoint of(String restUrl) {
        return new RemoteEndpoint(restUrl, null, null, null, null, null);
    }

    /** Whether {@link #restUrl()} uses https. */
    public boolean tls() {
        return restUrl.toLowerCase(Locale.ROOT).startsWith("https://");
    }

    /** The path prefix a reverse proxy serves the REST API under, "" when none. */
    public String pathPrefix() {
        String path = URI.create(restUrl).getRawPath();
        return path == null ? "" : path;
    }

    /**
     * What is wrong with {@code url} as a REST URL, or null when it is fine: http or https, a host, no query or
     * fragment, at most {@link #MAX_URL_LENGTH} characters.
     */
    public static String problemWithUrl(String url) {
        if (url == null || url.isBlank()) {
            return "The REST URL is empty; e.g. http://flink-jobmanager:8081";
        }
        if (url.length() > MAX_URL_LENGTH) {
            return "The REST URL is longer than " + MAX_URL_LENGTH + " characters.";
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            return "The REST URL is not a valid URL at character " + (e.getIndex() + 1) + ": " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "The REST URL must start with http:// or https:// (got '" + url.strip() + "').";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "The REST URL has no host; e.g. http://flink-jobmanager:8081";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "The REST URL must not have a query (?...) or a fragment (#...).";
        }
        if (uri.getRawUserInfo() != null) {
            return "Put the user and password in their own fields, not in the URL.";
        }
        return null;
    }
}
