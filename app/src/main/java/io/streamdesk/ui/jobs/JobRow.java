package io.streamdesk.ui.jobs;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobWarning;
import io.streamdesk.model.ObservedJobState;
import io.streamdesk.ui.Formats;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One row of the job list (J3). Rows are updated in place (by job ID) so selection and scroll position survive the
 * per-second run time refresh.
 */
public final class JobRow {
    /** What the status column shows: the observed state (stored status, cluster health, last confirmation) and the warning. */
    public record StatusCellValue(ObservedJobState observed, JobWarning warning) {
    }

    private final ReadOnlyObjectWrapper<Job> job = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StatusCellValue> statusValue = new ReadOnlyObjectWrapper<>();
    private final java.util.function.Function<Job, ObservedJobState> observer;
    private final ReadOnlyStringWrapper totalRunTime = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper currentRunTime = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Duration> totalRunDuration = new ReadOnlyObjectWrapper<>(Duration.ZERO);
    private final ReadOnlyObjectWrapper<Duration> currentRunDuration = new ReadOnlyObjectWrapper<>(Duration.ZERO);
    private final ReadOnlyStringWrapper cus = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper clusterName = new ReadOnlyStringWrapper();

    JobRow(Job job, Instant now) {
        this(job, now, JobRow::asStored);
    }

    /** {@code observer} derives the shown state from the job, its cluster and the last confirmation (in memory). */
    JobRow(Job job, Instant now, java.util.function.Function<Job, ObservedJobState> observer) {
        this.observer = observer;
        update(job, now);
    }

    /** Without a cluster registry (tests of the list alone): the stored status as it is. */
    static ObservedJobState asStored(Job j) {
        return new ObservedJobState(j.id(), j.status(), j.status().label(), true, null, null, null, null);
    }

    void update(Job newJob, Instant now) {
        Job before = job.get();
        job.set(newJob);
        if (before == null || clusterName.get() == null || !newJob.clusterId().equals(before.clusterId())) {
            clusterName.set(newJob.clusterId()); // a moved job shows its new cluster's id until the names are applied
        }
        tick(now);
    }

    void tick(Instant now) {
        Job j = job.get();
        ObservedJobState observed = observer.apply(j);
        StatusCellValue value = new StatusCellValue(observed, j.warning());
        if (!value.equals(statusValue.get())) {
            statusValue.set(value);
        }
        totalRunDuration.set(j.totalRunTime(now));
        currentRunDuration.set(j.runStartedAt() == null ? null : j.currentRunTime(now));
        totalRunTime.set(Formats.duration(j.totalRunTime(now)));
        currentRunTime.set(j.runStartedAt() == null ? Formats.NONE : Formats.duration(j.currentRunTime(now)));
    }

    public ReadOnlyObjectProperty<Job> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public Job job() {
        return job.get();
    }

    public String id() {
        return job.get().id().value();
    }

    public String name() {
        return job.get().name();
    }

    public String type() {
        return job.get().type().name();
    }

    /** The cluster's name as the Clusters pane shows it; its id until the names are known (or when it has none). */
    public String cluster() {
        return clusterName.get() == null ? job.get().clusterId() : clusterName.get();
    }

    public ReadOnlyStringProperty clusterNameProperty() {
        return clusterName.getReadOnlyProperty();
    }

    void showClusterName(java.util.Map<String, String> names) {
        String name = names.get(job.get().clusterId());
        clusterName.set(name == null ? job.get().clusterId() : name);
    }

    /** The stored status; what to show is {@link #observed()}. */
    public JobStatus status() {
        return job.get().status();
    }

    /** The state shown (J4, R6): e.g. "Cluster unreachable — last seen Running at 15:17:20". */
    public ObservedJobState observed() {
        return statusValue.get().observed();
    }

    public String statusLabel() {
        return observed().label();
    }

    public ReadOnlyObjectProperty<StatusCellValue> statusValueProperty() {
        return statusValue.getReadOnlyProperty();
    }

    public JobWarning warning() {
        return job.get().warning();
    }

    public String onlineVersion() {
        Integer v = job.get().onlineVersion();
        return v == null ? Formats.NONE : "v" + v;
    }

    public Instant createdAt() {
        return job.get().createdAt();
    }

    public Instant runStartedAt() {
        return job.get().runStartedAt();
    }

    /** Length of the current run, null when not running. */
    public java.time.Duration currentRunDuration() {
        return currentRunDuration.get();
    }

    /** CUs in use (J3): the running version's JobManager + TaskManager x parallelism; "—" when not running. */
    public String cus() {
        return cus.get();
    }

    public ReadOnlyStringProperty cusProperty() {
        return cus.getReadOnlyProperty();
    }

    /** Set by the list once the running version's CUs are known; null when the job runs none. */
    void setCus(Double value) {
        cus.set(value == null || job.get().onlineVersion() == null ? Formats.NONE
                : io.streamdesk.model.JobResources.format(value));
    }

    public ReadOnlyStringProperty totalRunTimeProperty() {
        return totalRunTime.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentRunTimeProperty() {
        return currentRunTime.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Duration> totalRunDurationProperty() {
        return totalRunDuration.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Duration> currentRunDurationProperty() {
        return currentRunDuration.getReadOnlyProperty();
    }
}
