package io.streamdesk.ui.jobs;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobWarning;
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
    private final ReadOnlyObjectWrapper<Job> job = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper totalRunTime = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper currentRunTime = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Duration> totalRunDuration = new ReadOnlyObjectWrapper<>(Duration.ZERO);
    private final ReadOnlyObjectWrapper<Duration> currentRunDuration = new ReadOnlyObjectWrapper<>(Duration.ZERO);
    private final ReadOnlyStringWrapper cus = new ReadOnlyStringWrapper(Formats.NONE);

    JobRow(Job job, Instant now) {
        update(job, now);
    }

    void update(Job newJob, Instant now) {
        job.set(newJob);
        tick(now);
    }

    void tick(Instant now) {
        Job j = job.get();
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

    public String cluster() {
        return job.get().clusterId();
    }

    public JobStatus status() {
        return job.get().status();
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
