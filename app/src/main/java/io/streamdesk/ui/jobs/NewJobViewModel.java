package io.streamdesk.ui.jobs;

import io.streamdesk.model.Job;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.InputLimits;
import io.streamdesk.service.ClusterService;
import io.streamdesk.service.JobService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "New SQL job" dialog: a required name, a folder defaulting to "/", and the cluster it runs on (R4, the default
 * cluster unless chosen). The service has the last word.
 */
public final class NewJobViewModel {
    /** A cluster the job can be placed on, as the choice box shows it. */
    public record ClusterChoice(String id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final JobService jobs;
    private final ClusterService clusters;
    private final UiContext ctx;
    private final ObservableList<ClusterChoice> clusterChoices = FXCollections.observableArrayList();
    private final StringProperty clusterId = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty folder = new SimpleStringProperty("/");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(false);

    public NewJobViewModel(JobService jobs, UiContext ctx) {
        this(jobs, null, ctx);
    }

    /** @param clusters the registry to choose the job's cluster from; null places it on the default cluster */
    public NewJobViewModel(JobService jobs, ClusterService clusters, UiContext ctx) {
        this.jobs = jobs;
        this.clusters = clusters;
        this.ctx = ctx;
        // the error goes away as soon as the user fixes the name
        name.addListener((o, a, b) -> {
            if (!nameError.get().isEmpty() && b != null && !b.isBlank()) {
                nameError.set("");
            }
        });
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    /** The clusters to choose from (filled by {@link #loadClusters()}); empty without a registry. */
    public ObservableList<ClusterChoice> clusterChoices() {
        return clusterChoices;
    }

    /** The chosen cluster's id; blank for the default cluster. */
    public StringProperty clusterIdProperty() {
        return clusterId;
    }

    /** Reads the clusters off the FX thread and preselects the default one. */
    public void loadClusters() {
        if (clusters == null) {
            return;
        }
        BackgroundTask.wrap(() -> new Loaded(clusters.definitions().stream()
                        .map(d -> new ClusterChoice(d.id(), d.name() + " (" + d.kind().label() + ")")).toList(),
                        clusters.defaultClusterId()))
                .onSuccess(l -> {
                    clusterChoices.setAll(l.choices());
                    if (clusterId.get() == null || clusterId.get().isBlank()) {
                        clusterId.set(l.defaultId());
                    }
                })
                .onFailure(e -> nameError.set("Could not read the clusters: " + e.getMessage()))
                .executeWith(ctx);
    }

    private record Loaded(List<ClusterChoice> choices, String defaultId) {
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    /** Checks what can be checked here; returns false and sets the inline error otherwise. */
    public boolean validate() {
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty()) {
            nameError.set("A job needs a name.");
            return false;
        }
        if (n.length() > InputLimits.MAX_NAME) {
            nameError.set("At most " + InputLimits.MAX_NAME + " characters.");
            return false;
        }
        nameError.set("");
        return true;
    }

    /** Creates the job in the background; {@code onCreated} gets it on the UI thread. */
    public void create(Consumer<Job> onCreated) {
        if (!validate() || creating.get()) {
            return;
        }
        String n = name.get();
        String f = folder.get();
        String c = clusterId.get();
        BackgroundTask.wrap(() -> c == null || c.isBlank() ? jobs.createSqlJob(n, f) : jobs.createSqlJob(n, f, c))
                .titled("Creating job")
                .onRunning(() -> creating.set(true))
                .onSuccess(onCreated)
                .onFailure(e -> nameError.set(e instanceof InputRejectedException ? e.getMessage()
                        : "Could not create the job: " + e.getMessage()))
                .onFinished(() -> creating.set(false))
                .executeWith(ctx);
    }
}
