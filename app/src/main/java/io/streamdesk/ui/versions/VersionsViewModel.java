package io.streamdesk.ui.versions;

import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;
import io.streamdesk.service.JobService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The versions of one job (V2): newest first, with the running one marked. */
public final class VersionsViewModel {

    /** A version and whether it is the one running now. */
    public record VersionRow(JobVersion version, boolean running) {
        public int number() {
            return version.number();
        }
    }

    private final JobId jobId;
    private final JobService jobs;
    private final UiContext ctx;
    private final ObservableList<VersionRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private Integer onlineVersion;

    public VersionsViewModel(JobId jobId, JobService jobs, UiContext ctx) {
        this.jobId = jobId;
        this.jobs = jobs;
        this.ctx = ctx;
    }

    public ObservableList<VersionRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void refresh() {
        BackgroundTask.wrap(() -> jobs.versions(jobId))
                .titled("Loading versions")
                .onSuccess(this::show)
                .onFailure(e -> error.set("Could not load versions: " + e.getMessage()))
                .executeWith(ctx);
    }

    /** The job's running version changed: re-mark without reloading. */
    public void setOnlineVersion(Integer version) {
        if (java.util.Objects.equals(version, onlineVersion)) {
            return; // re-setting rows would drop the table's selection for nothing
        }
        this.onlineVersion = version;
        List<VersionRow> remarked = rows.stream().map(r -> new VersionRow(r.version(), isOnline(r.number()))).toList();
        rows.setAll(remarked);
    }

    public List<JobVersion> versions() {
        return rows.stream().map(VersionRow::version).toList();
    }

    private void show(List<JobVersion> versions) {
        error.set("");
        rows.setAll(versions.stream().map(v -> new VersionRow(v, isOnline(v.number()))).toList());
    }

    private boolean isOnline(int number) {
        return onlineVersion != null && onlineVersion == number;
    }
}
