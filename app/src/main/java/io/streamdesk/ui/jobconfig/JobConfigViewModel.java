package io.streamdesk.ui.jobconfig;

import io.streamdesk.model.Draft;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobResources;
import io.streamdesk.model.LogLevel;
import io.streamdesk.model.RuntimeMode;
import io.streamdesk.service.JobService;
import io.streamdesk.service.jobconfig.ClusterCapacity;
import io.streamdesk.service.jobconfig.ConfigProblem;
import io.streamdesk.service.jobconfig.CuFit;
import io.streamdesk.service.jobconfig.JobConfigService;
import io.streamdesk.service.jobconfig.ParameterValidator;
import io.streamdesk.ui.editor.AutosaveDebouncer;
import io.streamdesk.ui.editor.SqlEditorViewModel;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.List;
import java.util.function.Supplier;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.dependency.DependencyVersion;
import io.streamdesk.service.dependencies.DependencyService;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Configuration tab of a job (P1-P6, J1): advanced parameters, resources, runtime mode and log level of the
 * draft. Every change is checked at once (syntax, P2, P4 bounds) and saved with the draft (Ctrl+S, autosave); the
 * CUs the job will use are shown against the cluster's idle CUs.
 */
public final class JobConfigViewModel {
    /** A session cluster is shared by its jobs (one JVM per process): a per-job log level cannot apply there (P6). */
    public static final String SHARED_CLUSTER_LOG_NOTE = "The job's cluster is shared by all its jobs and logs at its own"
            + " level: this job's log level is kept with its versions but cannot be applied to it.";

    private final JobId jobId;
    private final JobService jobs;
    private final JobConfigService configs;
    private final UiContext ctx;
    private final AutosaveDebouncer autosave;

    private final ObjectProperty<String> parameters = new SimpleObjectProperty<>("");
    private final ObjectProperty<Double> jobManagerCu = new SimpleObjectProperty<>(1.0);
    private final ObjectProperty<Double> taskManagerCu = new SimpleObjectProperty<>(1.0);
    private final IntegerProperty parallelism = new SimpleIntegerProperty(1);
    private final ObjectProperty<RuntimeMode> runtimeMode = new SimpleObjectProperty<>(RuntimeMode.STREAMING);
    private final ObjectProperty<LogLevel> logLevel = new SimpleObjectProperty<>(LogLevel.INFO);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);

    private final ReadOnlyObjectWrapper<String> loadedParameters = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cuText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper capacityText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper exceedsCapacity = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<ConfigProblem> problems = FXCollections.observableArrayList();
    /** The draft's dependency versions (DP3, DP4), in the order chosen; part of {@link #current()}. */
    private final ObservableList<DependencyRef> dependencies = FXCollections.observableArrayList();
    private final ObservableList<DependencyRef> dependenciesView = FXCollections.unmodifiableObservableList(dependencies);
    /** Every kept version of every dependency, to choose from (name, newest first). */
    private final ObservableList<DependencyVersion> availableDependencies = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper dependencyError = new ReadOnlyStringWrapper("");
    private volatile Supplier<DependencyService> dependencySource;

    private JobConfig saved;
    private boolean saving;
    private boolean saveAgain;
    private ClusterCapacity capacity;
    /** Slots of this job's running version (free for the draft, which would replace it); read with the capacity. */
    private int ownSlots;
    private volatile int ownSlotsRead;
    private final ParameterValidator validator;
    private ParameterValidator.Context context = ParameterValidator.Context.none();

    public JobConfigViewModel(JobId jobId, JobService jobs, JobConfigService configs, UiContext ctx) {
        this.jobId = jobId;
        this.jobs = jobs;
        this.configs = configs;
        this.validator = configs == null ? new ParameterValidator() : configs.parameterValidator();
        this.ctx = ctx;
        this.autosave = new AutosaveDebouncer(ctx.scheduler(), SqlEditorViewModel.AUTOSAVE_QUIET,
                SqlEditorViewModel.AUTOSAVE_MAX_WAIT, this::save);
        parameters.addListener((o, a, b) -> edited());
        jobManagerCu.addListener((o, a, b) -> edited());
        taskManagerCu.addListener((o, a, b) -> edited());
        parallelism.addListener((o, a, b) -> edited());
        runtimeMode.addListener((o, a, b) -> edited());
        logLevel.addListener((o, a, b) -> edited());
        dependencies.addListener((javafx.collections.ListChangeListener<DependencyRef>) c -> edited());
    }

    /** Where the dependency versions to choose from come from (the Dependencies pane's service). */
    public JobConfigViewModel withDependencies(Supplier<DependencyService> source) {
        this.dependencySource = source;
        return this;
    }

    // ---- dependencies (DP3, DP4) ----

    /** The draft's dependency versions as chosen now. */
    public ObservableList<DependencyRef> dependencies() {
        return dependenciesView;
    }

    /** The versions that can be added, loaded by {@link #loadAvailableDependencies}. */
    public ObservableList<DependencyVersion> availableDependencies() {
        return availableDependencies;
    }

    /** Why the versions to choose from could not be read, empty otherwise. */
    public ReadOnlyStringProperty dependencyErrorProperty() {
        return dependencyError.getReadOnlyProperty();
    }

    /** Whether dependencies can be chosen here at all (a source is set). */
    public boolean dependenciesAvailable() {
        return dependencySource != null;
    }

    /** Reads every kept dependency version in the background. */
    public void loadAvailableDependencies() {
        Supplier<DependencyService> source = dependencySource;
        if (source == null) {
            return;
        }
        BackgroundTask.wrap(() -> {
                    DependencyService service = source.get();
                    List<DependencyVersion> all = new java.util.ArrayList<>();
                    service.list().forEach(d -> all.addAll(service.versions(d.name())));
                    return all;
                })
                .onSuccess((List<DependencyVersion> all) -> {
                    availableDependencies.setAll(all);
                    dependencyError.set("");
                })
                .onFailure(e -> dependencyError.set("Could not read the dependencies: " + e.getMessage()))
                .executeWith(ctx);
    }

    /** Uses {@code version} in the draft, in place of another version of the same dependency. */
    public void addDependency(DependencyVersion version) {
        if (version == null || !loaded.get()) {
            return;
        }
        DependencyRef ref = new DependencyRef(version.name(), version.version(), version.sha256());
        for (int i = 0; i < dependencies.size(); i++) {
            if (dependencies.get(i).name().equals(version.name())) {
                dependencies.set(i, ref);
                return;
            }
        }
        dependencies.add(ref);
    }

    public void removeDependency(String name) {
        if (loaded.get()) {
            dependencies.removeIf(r -> r.name().equals(name));
        }
    }

    /** "kafka.jar@3 · 1a2b3c4d5e6f": a reference with its short hash. */
    public static String label(DependencyRef ref) {
        return ref + " \u00b7 " + DependencyVersion.shortHash(ref.sha256());
    }

    /** "kafka.jar@3 · 1a2b3c4d5e6f — what changed": a version to choose. */
    public static String label(DependencyVersion v) {
        return v.label() + " \u00b7 " + v.shortSha256() + (v.description().isEmpty() ? "" : " \u2014 " + v.description());
    }

    // ---- properties ----

    /** The parameters text as typed; the view pushes edits in. */
    public ObjectProperty<String> parametersProperty() {
        return parameters;
    }

    /** The saved parameters once loaded: the view puts them into the editor (keeping its undo history after). */
    public ReadOnlyObjectProperty<String> loadedParametersProperty() {
        return loadedParameters.getReadOnlyProperty();
    }

    public ObjectProperty<Double> jobManagerCuProperty() {
        return jobManagerCu;
    }

    public ObjectProperty<Double> taskManagerCuProperty() {
        return taskManagerCu;
    }

    public IntegerProperty parallelismProperty() {
        return parallelism;
    }

    public ObjectProperty<RuntimeMode> runtimeModeProperty() {
        return runtimeMode;
    }

    public ObjectProperty<LogLevel> logLevelProperty() {
        return logLevel;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    /** "Uses 2 CUs: JobManager 1 + TaskManager 1 x parallelism 1". */
    public ReadOnlyStringProperty cuTextProperty() {
        return cuText.getReadOnlyProperty();
    }

    /** The cluster's idle and total CUs, or why they are unknown. */
    public ReadOnlyStringProperty capacityTextProperty() {
        return capacityText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exceedsCapacityProperty() {
        return exceedsCapacity.getReadOnlyProperty();
    }

    /** "No problems", "2 errors, 1 warning". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<ConfigProblem> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    public List<Double> specs() {
        return JobResources.SPECS;
    }

    public String logLevelNote() {
        return SHARED_CLUSTER_LOG_NOTE;
    }

    /** The configuration as edited now. */
    public JobConfig current() {
        return new JobConfig(parameters.get(), new JobResources(jobManagerCu.get(), taskManagerCu.get(), parallelism.get()),
                runtimeMode.get(), logLevel.get(), List.copyOf(dependencies));
    }

    // ---- commands ----

    public void load() {
        record Loaded(Optional<Draft> draft, ParameterValidator.Context context) {
        }
        BackgroundTask.wrap(() -> new Loaded(jobs.draft(jobId), configs.quickContext(jobId)))
                .titled("Loading configuration")
                .onSuccess((Loaded l) -> {
                    context = l.context();
                    show(l.draft().map(Draft::config).orElse(JobConfig.defaults()));
                    // right after start Flink's option list may still be loading: check the values again when it is
                    configs.whenOptionsReady(() -> ctx.ui().run(this::validate));
                })
                .onFailure(e -> saveError.set("Could not load the configuration: " + e.getMessage()))
                .executeWith(ctx);
        refreshCapacity();
    }

    /** Reads the cluster's capacity again (it changes when jobs start and stop). */
    public void refreshCapacity() {
        BackgroundTask.wrap(() -> {
                    ownSlotsRead = configs.slotsOfRunningVersion(jobId);
                    return configs.capacity(jobs.job(jobId).clusterId(), jobId);
                })
                .onSuccess((Optional<ClusterCapacity> c) -> {
                    ownSlots = ownSlotsRead;
                    capacity = c.orElse(null);
                    updateCus();
                })
                .executeWith(ctx);
    }

    /** Saves now (Ctrl+S, autosave); one save at a time so an older configuration never overwrites a newer one. */
    public void save() {
        autosave.reset();
        if (!loaded.get()) {
            return;
        }
        if (saving) {
            saveAgain = true;
            return;
        }
        JobConfig snapshot = current();
        if (snapshot.equals(saved)) {
            return;
        }
        saving = true;
        BackgroundTask.wrap(() -> jobs.saveConfig(jobId, snapshot))
                .titled("Saving configuration")
                .onSuccess(d -> {
                    saved = snapshot;
                    saveError.set("");
                })
                .onFailure(e -> saveError.set("Not saved: " + e.getMessage()))
                .onFinished(this::afterSave)
                .executeWith(ctx);
    }

    /** True once the draft's configuration is shown (before that {@link #current()} is not the draft's). */
    public boolean isLoaded() {
        return loaded.get();
    }

    /**
     * Replaces the parameter text from another part of the page (the Prometheus option): the editor shows it, it is
     * checked and saved at once. Ignored before the configuration is loaded.
     */
    public void replaceParameters(String text) {
        if (!loaded.get()) {
            return;
        }
        loadedParameters.set(text);
        parameters.set(text);
        edited();
        save();
    }

    /** Publishing saved this configuration on its own path. */
    public void markSaved(JobConfig config) {
        saved = config;
        dirty.set(!current().equals(saved));
        if (!dirty.get()) {
            autosave.reset();
        }
    }

    public void dispose() {
        autosave.cancel();
    }

    private void show(JobConfig config) {
        loaded.set(false);
        saved = config;
        parameters.set(config.parameters());
        jobManagerCu.set(config.resources().jobManagerCu());
        taskManagerCu.set(config.resources().taskManagerCu());
        parallelism.set(config.resources().parallelism());
        runtimeMode.set(config.runtimeMode());
        logLevel.set(config.logLevel());
        dependencies.setAll(config.dependencies());
        loadedParameters.set(config.parameters());
        loaded.set(true);
        dirty.set(false);
        validate();
    }

    private void edited() {
        if (!loaded.get()) {
            return;
        }
        boolean changed = !current().equals(saved);
        dirty.set(changed);
        validate();
        if (changed) {
            autosave.edited();
        } else {
            autosave.cancel();
        }
    }

    private void validate() {
        List<ConfigProblem> found = validator.validate(current(), context);
        problems.setAll(found);
        long errors = found.stream().filter(ConfigProblem::isError).count();
        long warnings = found.size() - errors;
        summary.set(found.isEmpty() ? "No problems"
                : plural(errors, "error") + (warnings > 0 ? ", " + plural(warnings, "warning") : ""));
        updateCus();
    }

    private void updateCus() {
        JobResources r = current().resources();
        cuText.set("Uses " + JobResources.format(r.cus()) + " CUs: JobManager " + JobResources.format(r.jobManagerCu())
                + " + TaskManager " + JobResources.format(r.taskManagerCu()) + " x parallelism " + r.parallelism());
        if (capacity == null) {
            capacityText.set("Cluster capacity: unknown until the job's cluster runs.");
            exceedsCapacity.set(false);
            return;
        }
        // the draft's own running version (if any) is stopped before another one runs: its slots count as free
        CuFit fit = CuFit.bySlots(r, r.parallelism(), capacity.slotsAvailable() + ownSlots, capacity.idleCu(), capacity.totalCu());
        exceedsCapacity.set(!fit.fits());
        capacityText.set(fit.describe() + " (" + capacity.basis() + ")");
    }

    private void afterSave() {
        saving = false;
        dirty.set(!current().equals(saved));
        if (saveAgain) {
            saveAgain = false;
            save();
        } else if (dirty.get() && !autosave.isPending() && saveError.get().isEmpty()) {
            autosave.edited();
        }
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
