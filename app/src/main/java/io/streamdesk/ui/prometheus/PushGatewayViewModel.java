package io.streamdesk.ui.prometheus;

import io.streamdesk.app.Services;
import io.streamdesk.model.JobId;
import io.streamdesk.service.prometheus.PushGatewayCheck;
import io.streamdesk.service.prometheus.PushGatewaySettings;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * MO4 job option: PushGateway host, port, job name, optional basic auth (the password goes to the secret store);
 * produces the reporter settings as SET statements for the job's script, and can test-push to the gateway.
 */
public final class PushGatewayViewModel {
    private final JobId jobId;
    private final Supplier<Services> services;
    private final UiContext ctx;
    public final StringProperty host = new SimpleStringProperty("127.0.0.1");
    public final StringProperty port = new SimpleStringProperty("9091");
    public final BooleanProperty https = new SimpleBooleanProperty(false);
    public final StringProperty jobName = new SimpleStringProperty();
    public final StringProperty user = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    public final StringProperty intervalSeconds = new SimpleStringProperty("30");
    private final ReadOnlyStringWrapper statements = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private String secretId;

    public PushGatewayViewModel(JobId jobId, Supplier<Services> services, UiContext ctx) {
        this.jobId = jobId;
        this.services = services;
        this.ctx = ctx;
        jobName.set(jobId.value());
    }

    public ReadOnlyStringProperty statementsProperty() {
        return statements.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private PushGatewaySettings settings(String passwordSecretId) {
        int p;
        long interval;
        try {
            p = Integer.parseInt(port.get().strip());
            interval = Long.parseLong(intervalSeconds.get().strip());
        } catch (NumberFormatException e) {
            throw new io.streamdesk.service.InputRejectedException("Port and interval: whole numbers.");
        }
        boolean auth = !user.get().isBlank();
        return new PushGatewaySettings(host.get().strip(), p, https.get(), jobName.get().strip(), auth ? user.get().strip() : null,
                auth ? passwordSecretId : null, Duration.ofSeconds(interval));
    }

    /** Stores the password as a secret (when a user is set) and shows the SET statements. */
    public void generate() {
        Services s = services.get();
        String typed = password.get();
        BackgroundTask.wrap(() -> {
                    String id = secretId;
                    if (!user.get().isBlank() && !typed.isEmpty()) {
                        id = s.alarms().putSecret("pushgateway " + jobId.value(), typed);
                    }
                    return new Object[] {id, settings(id == null ? "missing" : id).asSetStatements()};
                })
                .onSuccess(r -> {
                    secretId = (String) r[0];
                    password.set("");
                    statements.set((String) r[1]);
                    status.set("Add these lines at the top of the job's SQL. Flink reads metric reporters when a cluster starts: "
                            + "they take effect for clusters started with the job's configuration (application mode, Kubernetes).");
                })
                .onFailure(e -> status.set(e.getMessage()))
                .executeWith(ctx);
    }

    /** Pushes one test gauge with these settings. */
    public void testPush() {
        String typed = password.get();
        BackgroundTask.wrap(() -> new PushGatewayCheck(null).push(settings("typed"), typed))
                .titled("Testing the PushGateway")
                .onSuccess(code -> status.set(code >= 200 && code < 300 ? "The PushGateway accepted a test metric (HTTP " + code + ")."
                        : "The PushGateway answered HTTP " + code + (code == 401 ? ": check the user and password." : ".")))
                .onFailure(e -> status.set("No answer from the PushGateway: " + e.getMessage()))
                .executeWith(ctx);
    }
}
