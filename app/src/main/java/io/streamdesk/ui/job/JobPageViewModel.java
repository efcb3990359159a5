package io.streamdesk.ui.job;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobWarning;
import io.streamdesk.service.JobService;
import io.streamdesk.service.RunService;
import io.streamdesk.service.jobconfig.JobConfigService;
import io.streamdesk.service.jobconfig.VersionRunService;
import io.streamdesk.ui.Formats;
import io.streamdesk.ui.editor.SqlEditorViewModel;
import io.streamdesk.ui.jobconfig.JobConfigViewModel;
import io.streamdesk.ui.jobconfig.VersionRunViewModel;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import io.streamdesk.ui.versions.VersionsViewModel;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One open job (J4, J5): header state, the warning banner, and the operations. Operations run in the background;
 * while one is in flight the buttons are disabled and the status shows Operating (the service stores it too).
 */
public final class JobPageViewModel {
    private final JobId jobId;
    private final JobService jobs;
    private final RunService runs;
    private final UiContext ctx;
    private final SqlEditorViewModel editor;
    private final VersionsViewModel versions;
    private final Consumer<Job> listener = this::onJobChangedAnyThread;
    private final JobConfigViewModel config;
    private final VersionRunService versionRuns;

    private final ReadOnlyObjectWrapper<Job> job = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusStyle = new ReadOnlyStringWrapper("");
    /** Turns the stored job into the state shown (cluster health, last confirmation); the stored status by default. */
    private java.util.function.Function<Job, io.streamdesk.model.ObservedJobState> observer = j ->
            new io.streamdesk.model.ObservedJobState(j.id(), j.status(), j.status().label(), true, null, null, null, null);
    private io.streamdesk.ui.task.Scheduler.Cancellable ticker;
    /** The sources of the job's state (the cluster registry's, in memory); none by default. */
    private java.util.function.Function<Job, io.streamdesk.model.cluster.StateSources> sources = j ->
            io.streamdesk.model.cluster.StateSources.NONE;
    private final ReadOnlyStringWrapper sourcesText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sourcesDetail = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper sourcesDisagree =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<JobStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper onlineVersion = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper warningText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warningFix = new ReadOnlyStringWrapper("");
    /** Flink's whole chain of causes behind the warning (one click away in the banner); empty when there is none. */
    private final ReadOnlyStringWrapper warningDetails = new ReadOnlyStringWrapper("");
    /** "Finished at 15:17:20 after 3.2 s, 1,000 records read, 10 written" while the job is Finished (J4). */
    private final ReadOnlyStringWrapper finishText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper operationInFlight = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper operationError = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRun;
    private final BooleanBinding canStop;

    /** With the Configuration tab (P1-P6) and the checked run of a chosen version (J5, V4). */
    public JobPageViewModel(JobId jobId, JobService jobs, RunService runs, JobConfigService jobConfig,
                            VersionRunService versionRuns, UiContext ctx) {
        this.config = new JobConfigViewModel(jobId, jobs, java.util.Objects.requireNonNull(jobConfig, "jobConfig"), ctx);
        this.versionRuns = java.util.Objects.requireNonNull(versionRuns, "versionRuns");
        this.jobId = jobId;
        this.jobs = jobs;
        this.runs = runs;
        this.ctx = ctx;
        this.editor = new SqlEditorViewModel(jobId, jobs, ctx);
        this.versions = new VersionsViewModel(jobId, jobs, ctx);
        canRun = Bindings.createBooleanBinding(() -> !operationInFlight.get() && status.get() != null
                && status.get() != JobStatus.OPERATING && status.get() != JobStatus.RUNNING
                && status.get() != JobStatus.UNINITIALIZED && status.get() != JobStatus.UNPUBLISHED,
                operationInFlight, status);
        canStop = Bindings.createBooleanBinding(() -> !operationInFlight.get() && status.get() == JobStatus.RUNNING,
                operationInFlight, status);
    }

    // ---- properties ----

    public JobId jobId() {
        return jobId;
    }

    public SqlEditorViewModel editor() {
        return editor;
    }

    public VersionsViewModel versions() {
        return versions;
    }

    /** The Configuration tab's model. */
    public JobConfigViewModel config() {
        return config;
    }

    /** The view model of the Run dialog with its checks: every Run of a job page goes through it (J5, V4). */
    public VersionRunViewModel newRunDialog(Integer preselectedVersion) {
        return new VersionRunViewModel(jobId, jobs, runs, versionRuns, ctx, preselectedVersion, this::runChecked);
    }

    /** Runs with the checks of {@link VersionRunService} (stop first, CUs, state compatibility). */
    public void runChecked(VersionRunService.RunRequest request) {
        operate("Running v" + request.version(), () -> versionRuns.run(jobId, request));
    }

    public ReadOnlyObjectProperty<Job> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JobStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * The header's status (J4, R6): the observed state, e.g. "Restarting (2 restarts)" or "Cluster unreachable — last
     * seen Running at 15:17:20"; {@link #statusProperty()} stays the stored status the operations go by.
     */
    public ReadOnlyStringProperty statusLabelProperty() {
        return statusLabel.getReadOnlyProperty();
    }

    /** The header status's style class: "status-running", or "status-unconfirmed" for a state not confirmed lately. */
    public ReadOnlyStringProperty statusStyleProperty() {
        return statusStyle.getReadOnlyProperty();
    }

    /**
     * Shows the observed state from {@code observer} (the cluster registry's, in memory) and refreshes it every
     * second, so a confirmation that goes stale shows as such. Call before {@link #open()}.
     */
    public void observeWith(java.util.function.Function<Job, io.streamdesk.model.ObservedJobState> observer) {
        this.observer = observer;
    }

    /**
     * Shows the sources of the job's state from {@code sources} next to the status (R3, ARCHITECTURE decision 3),
     * refreshed with it every second. Call before {@link #open()}.
     */
    public void sourcesWith(java.util.function.Function<Job, io.streamdesk.model.cluster.StateSources> sources) {
        this.sources = sources;
    }

    /**
     * "Operator: STABLE / READY (4 s ago) · Flink REST: Answering (2 s ago) · Flink REST (job): Running (2 s ago)",
     * with "Sources disagree — " first when they do; for a local or remote cluster only the job's Flink REST reading,
     * and only while the job should run. Empty when there is nothing to show.
     */
    public ReadOnlyStringProperty sourcesTextProperty() {
        return sourcesText.getReadOnlyProperty();
    }

    /** The tooltip: the disagreement in words and each source's detail. */
    public ReadOnlyStringProperty sourcesDetailProperty() {
        return sourcesDetail.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty sourcesDisagreeProperty() {
        return sourcesDisagree.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty onlineVersionProperty() {
        return onlineVersion.getReadOnlyProperty();
    }

    /** The job's warning (J4); empty when it has none. */
    public ReadOnlyStringProperty warningTextProperty() {
        return warningText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty warningFixProperty() {
        return warningFix.getReadOnlyProperty();
    }

    /** The chain of causes Flink reported for the warning; empty when the warning has none. */
    public ReadOnlyStringProperty warningDetailsProperty() {
        return warningDetails.getReadOnlyProperty();
    }

    /** End time, duration and record counts of the finished run; empty unless the job is Finished. */
    public ReadOnlyStringProperty finishTextProperty() {
        return finishText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty operationInFlightProperty() {
        return operationInFlight.getReadOnlyProperty();
    }

    /** A refusal that did not become a job warning (bad input), shown next to the toolbar. */
    public ReadOnlyStringProperty operationErrorProperty() {
        return operationError.getReadOnlyProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canStopProperty() {
        return canStop;
    }

    // ---- commands ----

    public void open() {
        jobs.listeners().add(listener);
        ticker = ctx.scheduler().every(java.time.Duration.ofSeconds(1), this::showObserved);
        BackgroundTask.wrap(() -> jobs.job(jobId))
                .titled("Opening job")
                .onSuccess(this::show)
                .onFailure(e -> operationError.set(e.getMessage()))
                .executeWith(ctx);
        editor.load();
        versions.refresh();
        config.load();
    }

    public void close() {
        jobs.listeners().remove(listener);
        if (ticker != null) {
            ticker.cancel();
        }
        editor.dispose();
        config.dispose();
    }

    /** A JAR or ETL job's form in place of the SQL editor (J1); null for a SQL job. */
    private volatile JobForm form;

    /** Makes the page's Save, Check and Publish act on a job type's form (J1). */
    public void useForm(JobForm jobForm) {
        this.form = java.util.Objects.requireNonNull(jobForm, "jobForm");
    }

    /** The job type's form, or null when the page edits SQL. */
    public JobForm form() {
        return form;
    }

    /** Saves the editor's text if it changed, then publishes (on a background thread). */
    public PublishViewModel newPublishDialog() {
        String typed = editor.currentText();
        JobForm jobForm = form;
        Runnable saveForm = jobForm == null ? () -> { } : jobForm.saveTask();
        return new PublishViewModel(ctx, description -> {
            String text = typed;
            JobConfig edited = config.current();
            jobs.saveDraft(jobId, text, edited);
            saveForm.run(); // a form writes the draft's script (and a JAR job's dependency) from itself, after the rest
            ctx.ui().run(() -> config.markSaved(edited));
            ctx.ui().run(() -> editor.markSaved(text));
            return jobs.publish(jobId, description);
        }, editor::showProblems);
    }

    public void stop(boolean withSavepoint) {
        operate(withSavepoint ? "Stopping with savepoint" : "Stopping", () -> runs.stop(jobId, withSavepoint));
    }

    private void operate(String title, java.util.concurrent.Callable<Job> work) {
        if (operationInFlight.get()) {
            return;
        }
        BackgroundTask.wrap(work)
                .titled(title)
                .onRunning(() -> {
                    operationInFlight.set(true);
                    operationError.set("");
                    statusLabel.set(JobStatus.OPERATING.label());
                    statusStyle.set("status-operating");
                    status.set(JobStatus.OPERATING);
                })
                .onSuccess(j -> {
                    show(j);
                    config.refreshCapacity();
                })
                // the service already stored the warning on the job; reload to show its actual status
                .onFailure(e -> reload(e.getMessage()))
                .onFinished(() -> operationInFlight.set(false))
                .executeWith(ctx);
    }

    private void reload(String errorWhenNoWarning) {
        BackgroundTask.wrap(() -> jobs.job(jobId))
                .onSuccess(j -> {
                    show(j);
                    if (j.warning() == null) {
                        operationError.set(errorWhenNoWarning);
                    }
                })
                .executeWith(ctx);
    }

    void show(Job j) {
        job.set(j);
        name.set(j.name());
        status.set(j.status());
        showObserved();
        onlineVersion.set(j.onlineVersion() == null ? Formats.NONE : "v" + j.onlineVersion());
        JobWarning w = j.warning();
        warningText.set(w == null ? "" : w.operation() + " failed: " + w.message());
        warningFix.set(w == null || w.suggestedFix() == null ? "" : w.suggestedFix());
        versions.setOnlineVersion(j.onlineVersion());
        loadRunDetails(j);
    }

    /** The finished run's figures and the failure chain behind a warning come from the run and event stores. */
    private void loadRunDetails(Job j) {
        if (j.status() != JobStatus.FINISHED && j.warning() == null) {
            finishText.set("");
            warningDetails.set("");
            return;
        }
        BackgroundTask.wrap(() -> RunDetails.of(runs, j))
                .onSuccess(d -> {
                    finishText.set(d.finishText());
                    warningDetails.set(d.warningDetails());
                })
                .executeWith(ctx);
    }

    /** On the UI thread: the observed state of the job shown now (no I/O: cluster states and confirmations in memory). */
    void showObserved() {
        Job j = job.get();
        if (j == null || (operationInFlight.get() && j.status() != JobStatus.OPERATING)) {
            return; // the page shows Operating while its own operation runs
        }
        io.streamdesk.model.ObservedJobState o = observer.apply(j);
        statusLabel.set(o.label());
        statusStyle.set(o.confirmed() ? "status-" + o.status().name().toLowerCase() : "status-unconfirmed");
        showSources(j);
    }

    private void showSources(Job j) {
        io.streamdesk.model.cluster.StateSources s;
        try {
            s = sources.apply(j);
        } catch (RuntimeException e) {
            s = io.streamdesk.model.cluster.StateSources.NONE;
        }
        boolean shouldRun = j.status() == JobStatus.RUNNING || j.status() == JobStatus.RESTARTING;
        boolean onlyTheJob = s.readings().size() <= 1;
        if (s.isEmpty() || (onlyTheJob && !shouldRun)) {
            sourcesText.set("");
            sourcesDetail.set("");
            sourcesDisagree.set(false);
            return;
        }
        java.time.Instant now = java.time.Instant.now();
        java.util.List<String> parts = new java.util.ArrayList<>();
        java.util.List<String> details = new java.util.ArrayList<>();
        for (io.streamdesk.model.cluster.SourceReading r : s.readings()) {
            String name = onlyTheJob ? io.streamdesk.model.cluster.StateSources.FLINK_REST : r.source();
            parts.add(name + ": " + r.value() + " (" + io.streamdesk.model.cluster.StateSources.age(r.seenAt(), now) + ")");
            details.add(name + ": " + r.value() + ", last seen " + io.streamdesk.model.cluster.StateSources.age(r.seenAt(),
                    now) + (r.detail() == null ? "" : " \u2014 " + r.detail()));
        }
        sourcesDisagree.set(s.disagree());
        sourcesText.set((s.disagree() ? "Sources disagree \u2014 " : "") + String.join("  \u00b7  ", parts));
        sourcesDetail.set((s.disagree() ? s.disagreement() + "\n\n" : "") + String.join("\n", details));
    }

    private void onJobChangedAnyThread(Job j) {
        if (j.id().equals(jobId)) {
            ctx.ui().run(() -> {
                Job before = job.get();
                boolean statusChanged = before == null || before.status() != j.status();
                show(j);
                // the first publish moves a job to Stopped; other publishes refresh via the dialog's callback.
                // Autosaves fire too, so do not reload the versions on every change.
                if (statusChanged) {
                    versions.refresh();
                }
            });
        }
    }
}
