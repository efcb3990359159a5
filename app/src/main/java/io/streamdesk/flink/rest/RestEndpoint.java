package io.streamdesk.flink.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint of Flink's REST API as a typed value: HTTP method, path template with {@code :name} parameters,
 * and how its JSON answer becomes a result. Keeping these apart from the transport makes the list of calls we
 * depend on readable in one place ({@link FlinkEndpoints}).
 *
 * @param <R> what the answer is mapped to
 */
public record RestEndpoint<R>(String method, String pathTemplate, Function<JsonNode, R> responseMapping) {

    private static final Pattern PARAMETER = Pattern.compile(":([a-z-]+)");

    /** Fills the template's parameters in order, URL-encoded. */
    public String path(String... values) {
        Matcher m = PARAMETER.matcher(pathTemplate);
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (m.find()) {
            if (i >= values.length) {
                throw new IllegalArgumentException("Missing value for " + m.group() + " in " + pathTemplate);
            }
            String encoded = URLEncoder.encode(values[i++], StandardCharsets.UTF_8);
            m.appendReplacement(sb, Matcher.quoteReplacement(encoded));
        }
        m.appendTail(sb);
        if (i != values.length) {
            throw new IllegalArgumentException("Too many values for " + pathTemplate);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return method + " " + pathTemplate;
    }
}
