package io.streamdesk.ui.jobs;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobType;
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
 * The "New job" dialog: the job's type (J1: SQL, JAR, ETL; Python listed as not available, with the reason), a required name, a folder defaulting to "/", and the cluster it runs on (R4, the default
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

    /**
     * A job type as the dialog offers it (J1): a type that cannot run here is listed, disabled, with the reason.
     *
     * @param unavailable why the type cannot be chosen, or empty when it can
     */
    public record TypeChoice(JobType type, String label, String description, String unavailable) {
        public boolean available() {
            return unavailable.isEmpty();
        }
    }

    /** SQL, JAR, ETL, and Python shown as not available with its reason (PyFlink cannot be installed here). */
    public static final List<TypeChoice> TYPES = List.of(
            new TypeChoice(JobType.SQL, "SQL", "Flink SQL written in the editor.", ""),
            new TypeChoice(JobType.JAR, "JAR", "A Flink program: a jar from Dependencies, its entry class and arguments.", ""),
            new TypeChoice(JobType.ETL, "ETL", "Source table to sink table with a field mapping, from the metadata "
                    + "catalog; the Flink SQL is generated.", ""),
            new TypeChoice(JobType.PYTHON, "Python", "PyFlink program.", JobService.PYTHON_UNAVAILABLE));

    private final javafx.beans.property.ObjectProperty<JobType> type =
            new javafx.beans.property.SimpleObjectProperty<>(JobType.SQL);

    /** The chosen type (SQL by default); an unavailable type is refused by {@link #create}. */
    public javafx.beans.property.ObjectProperty<JobType> typeProperty() {
        return type;
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
        JobType t = type.get() == null ? JobType.SQL : type.get();
        TypeChoice choice = TYPES.stream().filter(ch -> ch.type() == t).findFirst().orElseThrow();
        if (!choice.available()) {
            nameError.set(choice.label() + ": " + choice.unavailable());
            return;
        }
        BackgroundTask.wrap(() -> c == null || c.isBlank() ? jobs.createJob(n, f, t) : jobs.createJob(n, f, c, t))
                .titled("Creating job")
                .onRunning(() -> creating.set(true))
                .onSuccess(onCreated)
                .onFailure(e -> nameError.set(e instanceof InputRejectedException ? e.getMessage()
                        : "Could not create the job: " + e.getMessage()))
                .onFinished(() -> creating.set(false))
                .executeWith(ctx);
    }
}
