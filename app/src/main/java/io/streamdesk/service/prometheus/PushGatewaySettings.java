package io.streamdesk.service.prometheus;

import io.streamdesk.service.InputRejectedException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * MO4: the job option "report metrics to a Prometheus PushGateway". It becomes Flink's PushGateway reporter
 * settings in the job's parameters ({@link #flinkParameters}); the basic-auth password stays in the secret store and
 * appears in the parameters only as a {@code ${secret:<id>}} reference that is resolved at submit time.
 *
 * @param passwordSecretId null without basic auth
 */
public record PushGatewaySettings(String host, int port, boolean https, String jobName, String username,
                                  String passwordSecretId, Duration interval) {
    public static final String PREFIX = "metrics.reporter.promgateway.";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}");
    private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    public PushGatewaySettings {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new InputRejectedException("PushGateway host: a host name or IP address (got '" + host + "').");
        }
        if (port < 1 || port > 65535) {
            throw new InputRejectedException("PushGateway port: 1..65535 (got " + port + ").");
        }
        if (jobName == null || !JOB_NAME.matcher(jobName).matches()) {
            throw new InputRejectedException("PushGateway job name: letters, digits, '_', '.', '-' (got '" + jobName + "').");
        }
        if (interval == null || interval.compareTo(Duration.ofSeconds(5)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
            throw new InputRejectedException("PushGateway interval: between 5 s and 1 h.");
        }
        if ((username == null || username.isBlank()) != (passwordSecretId == null || passwordSecretId.isBlank())) {
            throw new InputRejectedException("PushGateway basic auth: give both a user and a password, or neither.");
        }
    }

    public String url() {
        return (https ? "https" : "http") + "://" + host + ":" + port;
    }

    /** The reporter settings as Flink configuration entries (written into the job's parameters). */
    public Map<String, String> flinkParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PREFIX + "factory.class", "org.apache.flink.metrics.prometheus.PrometheusPushGatewayReporterFactory");
        p.put(PREFIX + "hostUrl", url());
        p.put(PREFIX + "jobName", jobName);
        p.put(PREFIX + "randomJobNameSuffix", "true");
        p.put(PREFIX + "deleteOnShutdown", "false");
        p.put(PREFIX + "interval", interval.toSeconds() + " s");
        if (username != null && !username.isBlank()) {
            // basic auth of the reporter (FLINK-27661); the password is a reference, never the value
            p.put(PREFIX + "basicAuth.enabled", "true");
            p.put(PREFIX + "basicAuth.username", username);
            p.put(PREFIX + "basicAuth.password", "${secret:" + passwordSecretId + "}");
        }
        return p;
    }

    /** The same as {@code SET '<key>' = '<value>';} lines for a SQL job's script. */
    public String asSetStatements() {
        StringBuilder b = new StringBuilder();
        flinkParameters().forEach((k, v) -> b.append("SET '").append(k).append("' = '").append(v.replace("'", "''")).append("';\n"));
        return b.toString();
    }
}
