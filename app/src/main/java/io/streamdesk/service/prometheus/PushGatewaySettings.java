package io.streamdesk.service.prometheus;

import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.secrets.SecretRefs;

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
    public static final String FACTORY_CLASS = PREFIX + "factory.class";
    public static final String FACTORY = "org.apache.flink.metrics.prometheus.PrometheusPushGatewayReporterFactory";
    public static final String HOST_URL = PREFIX + "hostUrl";
    public static final String JOB_NAME_KEY = PREFIX + "jobName";
    public static final String INTERVAL = PREFIX + "interval";
    public static final String USERNAME = PREFIX + "username";
    public static final String PASSWORD = PREFIX + "password";
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

    /**
     * The reporter settings as Flink configuration entries (written into the job's parameters). Key names are those
     * of Flink 2.3.0's {@code PrometheusPushGatewayReporterOptions} (flink-metrics-prometheus-2.3.0.jar on Maven
     * Central; basic auth added by FLINK-27661, apache/flink commit 4cbe3644ac7): {@code hostUrl}, {@code jobName},
     * {@code randomJobNameSuffix}, {@code deleteOnShutdown}, {@code username}, {@code password}; there is no
     * "basicAuth enabled" switch: the reporter authenticates when both user and password are set. {@code interval}
     * and {@code factory.class} are the generic reporter options of {@code MetricOptions}.
     */
    public Map<String, String> flinkParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(FACTORY_CLASS, FACTORY);
        p.put(HOST_URL, url());
        p.put(JOB_NAME_KEY, jobName);
        p.put(PREFIX + "randomJobNameSuffix", "true");
        p.put(PREFIX + "deleteOnShutdown", "false");
        p.put(INTERVAL, interval.toSeconds() + " s");
        if (username != null && !username.isBlank()) {
            // the password is a reference, resolved only when the version is submitted, never the value
            p.put(USERNAME, username);
            p.put(PASSWORD, SecretRefs.reference(passwordSecretId));
        }
        return p;
    }
}
