package io.streamdesk.ui.versions;

import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;
import io.streamdesk.service.JobService;
import io.streamdesk.service.compare.CompareService;
import io.streamdesk.ui.compare.ComparisonViewModel;
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
    /** Version number to why it is marked (a catalog table it uses changed after it was published, M1). */
    private final javafx.collections.ObservableMap<Integer, String> marks = FXCollections.observableHashMap();
    /** One wrapper: its listeners live as long as it does. */
    private final javafx.collections.ObservableMap<Integer, String> readOnlyMarks =
            FXCollections.unmodifiableObservableMap(marks);
    private java.util.function.Function<List<JobVersion>, java.util.Map<Integer, String>> markSource;

    public VersionsViewModel(JobId jobId, JobService jobs, UiContext ctx) {
        this.jobId = jobId;
        this.jobs = jobs;
        this.ctx = ctx;
    }

    public ObservableList<VersionRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /**
     * Marks versions whose catalog tables changed after they were published: {@code source} (run off the FX thread
     * after each load) gives version number to reason.
     */
    public VersionsViewModel withChangeMarks(java.util.function.Function<List<JobVersion>, java.util.Map<Integer, String>> source) {
        this.markSource = source;
        loadMarks(versions()); // the list may have loaded before the marks were asked for
        return this;
    }

    /** Version number to why it is marked; empty when nothing changed under it. */
    public javafx.collections.ObservableMap<Integer, String> marks() {
        return readOnlyMarks;
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

    /** The comparison of two versions, the older on the left (V3); not yet loaded. */
    public ComparisonViewModel compareVersions(int a, int b) {
        int older = Math.min(a, b);
        int newer = Math.max(a, b);
        CompareService compare = new CompareService(jobs);
        return new ComparisonViewModel("v" + older + " ↔ v" + newer,
                options -> compare.compareVersions(jobId, older, newer, options), ctx);
    }

    /** The comparison of a version (left) with the editor's current text (right), saved or not. */
    public ComparisonViewModel compareWithDraft(int version, String draftText) {
        CompareService compare = new CompareService(jobs);
        return new ComparisonViewModel("v" + version + " ↔ draft",
                options -> compare.compareWithDraftText(jobId, version, draftText, options), ctx);
    }

    /** True when the row may be deleted: never the running version (V2). */
    public boolean canDelete(VersionRow row) {
        return row != null && !row.running();
    }

    /** Deletes the version in the background, then reloads the list. */
    public void delete(int number) {
        BackgroundTask.wrap(() -> jobs.deleteVersion(jobId, number))
                .titled("Deleting version " + number)
                .onSuccess(v -> refresh())
                .onFailure(e -> error.set("Could not delete v" + number + ": " + e.getMessage()))
                .executeWith(ctx);
    }

    private void show(List<JobVersion> versions) {
        error.set("");
        rows.setAll(versions.stream().map(v -> new VersionRow(v, isOnline(v.number()))).toList());
        loadMarks(versions);
    }

    private void loadMarks(List<JobVersion> versions) {
        if (markSource != null && !versions.isEmpty()) {
            var source = markSource;
            BackgroundTask.wrap(() -> source.apply(versions))
                    .titled("Checking the catalog tables of the versions")
                    .onSuccess(found -> {
                        marks.clear();
                        marks.putAll(found);
                    })
                    .onFailure(e -> marks.clear()) // a missing mark hides nothing the check would not say
                    .executeWith(ctx);
        }
    }

    private boolean isOnline(int number) {
        return onlineVersion != null && onlineVersion == number;
    }
}
