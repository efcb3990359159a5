package io.streamdesk.ui.prometheus;

import io.streamdesk.service.Services;
import io.streamdesk.model.Draft;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.prometheus.PushGatewayCheck;
import io.streamdesk.service.prometheus.PushGatewayParameters;
import io.streamdesk.service.prometheus.PushGatewaySettings;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * MO4 job option: PushGateway host, port, job name, interval, optional basic auth. Applying writes Flink's reporter
 * entries into the draft's parameters (the password goes to the secret store; the parameters hold only
 * {@code ${secret:<id>}}); switching the option off removes them. Opening the tab reads the entries back.
 */
public final class PushGatewayViewModel {
    private final JobId jobId;
    private final Supplier<Services> services;
    private final UiContext ctx;
    private final ParametersAccess access;
    public final BooleanProperty enabled = new SimpleBooleanProperty(false);
    public final StringProperty host = new SimpleStringProperty("127.0.0.1");
    public final StringProperty port = new SimpleStringProperty("9091");
    public final BooleanProperty https = new SimpleBooleanProperty(false);
    public final StringProperty jobName = new SimpleStringProperty();
    public final StringProperty user = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    public final StringProperty intervalSeconds = new SimpleStringProperty("30");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper passwordState = new ReadOnlyStringWrapper("Password: not set");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private String secretId;

    /** @param access the Configuration tab's parameters, or null to read and save the draft through the service */
    public PushGatewayViewModel(JobId jobId, Supplier<Services> services, UiContext ctx, ParametersAccess access) {
        this.jobId = jobId;
        this.services = services;
        this.ctx = ctx;
        this.access = access;
        jobName.set(jobId.value());
    }

    public PushGatewayViewModel(JobId jobId, Supplier<Services> services, UiContext ctx) {
        this(jobId, services, ctx, null);
    }

    /** The reporter lines as they stand in the parameters (the password only as its reference). */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "Password: set (secret …)" or "not set"; the value itself is never shown back. */
    public ReadOnlyStringProperty passwordStateProperty() {
        return passwordState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Reads the current reporter entries from the parameters into the form. */
    public void load() {
        String text = access == null ? null : access.current();
        if (text != null) {
            show(text);
            return;
        }
        Services s = services.get();
        BackgroundTask.wrap(() -> s.jobs().draft(jobId).map(Draft::config).orElse(JobConfig.defaults()).parameters())
                .onSuccess(this::show)
                .onFailure(e -> status.set("Could not read the job's parameters: " + e.getMessage()))
                .executeWith(ctx);
    }

    private void show(String text) {
        var read = PushGatewayParameters.read(text);
        enabled.set(read.isPresent());
        read.ifPresent(r -> {
            if (r.host() != null) {
                host.set(r.host());
            }
            if (r.port() != null) {
                port.set(Integer.toString(r.port()));
            }
            https.set(r.https());
            if (r.jobName() != null) {
                jobName.set(r.jobName());
            }
            user.set(r.username() == null ? "" : r.username());
            if (r.interval() != null) {
                intervalSeconds.set(Long.toString(r.interval().toSeconds()));
            }
            secretId = r.passwordSecretId();
            status.set(r.problem() == null ? "Read from the job's parameters." : "Check the reporter lines: " + r.problem() + ".");
        });
        password.set("");
        updatePasswordState();
        preview.set(reporterLines(text));
    }

    private void updatePasswordState() {
        passwordState.set(secretId == null ? "Password: not set" : "Password: set (kept as secret " + secretId + "; type a new one to replace it)");
    }

    private PushGatewaySettings settings(String passwordSecretId) {
        int p;
        long interval;
        try {
            p = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            throw new InputRejectedException("PushGateway port: a whole number 1..65535 (got '" + port.get() + "').");
        }
        try {
            interval = Long.parseLong(intervalSeconds.get().strip());
        } catch (NumberFormatException e) {
            throw new InputRejectedException("PushGateway interval: whole seconds, 5..3600 (got '" + intervalSeconds.get() + "').");
        }
        boolean auth = !user.get().isBlank();
        return new PushGatewaySettings(host.get().strip(), p, https.get(), jobName.get().strip(), auth ? user.get().strip() : null,
                auth ? passwordSecretId : null, Duration.ofSeconds(interval));
    }

    /**
     * Writes the option into the parameters: on, the reporter entries (a typed password is stored as a secret first);
     * off, removes them. Other lines and comments stay.
     */
    public void apply() {
        if (!enabled.get()) {
            writeParameters(Map.of(), "The PushGateway reporter lines were removed from the job's parameters.");
            return;
        }
        String typed = password.get();
        boolean auth = !user.get().isBlank();
        try {
            settings(auth ? (typed.isEmpty() ? secretId : "pending") : null);
        } catch (InputRejectedException e) {
            status.set(e.getMessage());
            return;
        }
        if (auth && typed.isEmpty() && secretId == null) {
            status.set("PushGateway basic auth: type the password (it is kept in the secret store), or clear the user.");
            return;
        }
        Services s = services.get();
        busy.set(true);
        BackgroundTask.wrap(() -> auth && !typed.isEmpty() ? s.alarms().putSecret("pushgateway " + jobId.value(), typed) : secretId)
                .titled("Storing the PushGateway password")
                .onSuccess(id -> {
                    busy.set(false);
                    secretId = auth ? id : secretId;
                    password.set("");
                    updatePasswordState();
                    writeParameters(settings(auth ? id : null).flinkParameters(),
                            "Written into the job's parameters; publish a version to use it. Flink starts metric reporters "
                                    + "with a cluster, so they report on clusters started with the job's configuration "
                                    + "(application mode, Kubernetes). A session cluster (the embedded one, a remote one) is "
                                    + "started before the job: there these lines have no effect.");
                })
                .onFailure(e -> {
                    busy.set(false);
                    status.set("Not applied: " + e.getMessage());
                })
                .executeWith(ctx);
    }

    private void writeParameters(Map<String, String> entries, String done) {
        String text = access == null ? null : access.current();
        if (text != null) {
            String updated = PushGatewayParameters.write(text, entries);
            access.replace(updated);
            preview.set(reporterLines(updated));
            status.set(done);
            return;
        }
        Services s = services.get();
        busy.set(true);
        BackgroundTask.wrap(() -> {
                    JobConfig config = s.jobs().draft(jobId).map(Draft::config).orElse(JobConfig.defaults());
                    String updated = PushGatewayParameters.write(config.parameters(), entries);
                    s.jobs().saveConfig(jobId, config.withParameters(updated));
                    return updated;
                })
                .titled("Saving the job's parameters")
                .onSuccess(updated -> {
                    busy.set(false);
                    preview.set(reporterLines(updated));
                    status.set(done);
                })
                .onFailure(e -> {
                    busy.set(false);
                    status.set("Not saved: " + e.getMessage());
                })
                .executeWith(ctx);
    }

    private static String reporterLines(String text) {
        StringBuilder b = new StringBuilder();
        text.lines().filter(l -> l.startsWith(PushGatewaySettings.PREFIX)).forEach(l -> b.append(l).append('\n'));
        return b.length() == 0 ? "(no reporter lines in the parameters)" : b.toString();
    }

    /** Pushes one test gauge with these settings (the typed password, else the stored one). */
    public void testPush() {
        String typed = password.get();
        boolean useStored = typed.isEmpty() && secretId != null && !user.get().isBlank();
        PushGatewaySettings settings;
        try {
            settings = settings(user.get().isBlank() ? null : useStored ? secretId : "typed");
        } catch (InputRejectedException e) {
            status.set(e.getMessage());
            return;
        }
        Services s = services.get();
        BackgroundTask.wrap(() -> useStored ? new PushGatewayCheck(s.alarms().secretStore()).push(settings)
                        : new PushGatewayCheck(null).push(settings, typed))
                .titled("Testing the PushGateway")
                .onSuccess(code -> status.set(code >= 200 && code < 300 ? "The PushGateway accepted a test metric (HTTP " + code + ")."
                        : "The PushGateway answered HTTP " + code + (code == 401 ? ": check the user and password." : ".")))
                .onFailure(e -> status.set("No answer from the PushGateway: " + e.getMessage()))
                .executeWith(ctx);
    }
}
