package io.streamdesk.ui.overview;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.service.JobService;
import io.streamdesk.service.overview.OverviewService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The overview page (D5): figures, and the jobs behind the figure last clicked. */
public final class OverviewViewModel {
    private final Supplier<OverviewService> overview;
    private final Supplier<JobService> jobs;
    private final UiContext ctx;
    private final ObjectProperty<OverviewService.Figures> figures = new SimpleObjectProperty<>();
    private final ObservableList<Job> filtered = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper filterTitle = new ReadOnlyStringWrapper("Click a figure to list its jobs");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public OverviewViewModel(Supplier<OverviewService> overview, Supplier<JobService> jobs, UiContext ctx) {
        this.overview = overview;
        this.jobs = jobs;
        this.ctx = ctx;
    }

    public ObjectProperty<OverviewService.Figures> figuresProperty() {
        return figures;
    }

    public ObservableList<Job> filtered() {
        return filtered;
    }

    public ReadOnlyStringProperty filterTitleProperty() {
        return filterTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void refresh() {
        OverviewService s = overview.get();
        if (s == null) {
            return;
        }
        BackgroundTask.wrap(s::figures).titled("Loading overview")
                .onSuccess(f -> {
                    error.set("");
                    figures.set(f);
                })
                .onFailure(e -> error.set(e.getMessage()))
                .executeWith(ctx);
    }

    /** Writes the Grafana dashboard JSON (MO4) off the FX thread. */
    public void exportGrafana(java.nio.file.Path target) {
        BackgroundTask.wrap(() -> java.nio.file.Files.writeString(target, io.streamdesk.service.prometheus.GrafanaDashboard
                        .json("StreamDesk jobs", io.streamdesk.service.prometheus.GrafanaDashboard.METRICS)))
                .titled("Exporting dashboard")
                .onSuccess(p -> filterTitle.set("Dashboard written to " + p))
                .onFailure(e -> error.set("Export failed: " + e.getMessage()))
                .executeWith(ctx);
    }

    /** "shared-prod (Running): 3 / 5 CUs idle, 2 / 4 slots free"; a cluster that does not answer has no figures. */
    public static String clusterLine(OverviewService.ClusterFigure c) {
        if (c.totalCu() == 0 && c.totalSlots() == 0) {
            return c.name() + " (" + c.health().label() + "): \u2014";
        }
        return c.name() + " (" + c.health().label() + "): " + cu(c.idleCu()) + " / " + cu(c.totalCu()) + " CUs idle, "
                + c.freeSlots() + " / " + c.totalSlots() + " slots free";
    }

    private static String cu(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    /** Shows the jobs counted by a figure (click-through of D5). */
    public void showJobs(String title, List<JobId> ids) {
        JobService j = jobs.get();
        Set<JobId> wanted = Set.copyOf(ids);
        BackgroundTask.wrap(() -> j.list().stream().filter(job -> wanted.contains(job.id())).toList())
                .onSuccess(list -> {
                    filtered.setAll(list);
                    filterTitle.set(title + " — " + list.size() + (list.size() == 1 ? " job" : " jobs"));
                })
                .onFailure(e -> error.set(e.getMessage()))
                .executeWith(ctx);
    }
}
