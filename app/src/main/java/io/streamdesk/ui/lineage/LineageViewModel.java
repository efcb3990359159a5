package io.streamdesk.ui.lineage;

import io.streamdesk.model.JobId;
import io.streamdesk.model.lineage.JobLineage;
import io.streamdesk.model.lineage.TableLineage;
import io.streamdesk.model.lineage.TableUsage;
import io.streamdesk.service.lineage.LineageService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The lineage graph of a job (its versions and their tables) or of a table (the versions using it) (M5): loaded off
 * the FX thread (a version not read yet costs a parse), laid out by {@link LineageLayout}, and what a click on a
 * node opens. Only the newest load's result is shown.
 */
public final class LineageViewModel {

    private final Supplier<LineageService> service;
    private final UiContext ctx;
    private final Function<LineageService, Loaded> loader;
    private final java.util.function.BiConsumer<JobId, Integer> openVersion;
    private final Consumer<String> openTable;
    private final ReadOnlyObjectWrapper<LineageGraph> graph = new ReadOnlyObjectWrapper<>(LineageGraph.EMPTY);
    private final ReadOnlyObjectWrapper<LineageLayout.Result> layout =
            new ReadOnlyObjectWrapper<>(LineageLayout.layout(LineageGraph.EMPTY));
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> usages = FXCollections.observableArrayList();
    private final AtomicLong generation = new AtomicLong();

    /** What one load found: the graph and its text lines ("orders: read by v1–v2, not by v3"). */
    private record Loaded(LineageGraph graph, List<String> usages, String emptyText) {
    }

    private record Shown(Loaded loaded, LineageLayout.Result layout) {
    }

    private LineageViewModel(Supplier<LineageService> service, UiContext ctx, Function<LineageService, Loaded> loader,
                             java.util.function.BiConsumer<JobId, Integer> openVersion, Consumer<String> openTable) {
        this.service = Objects.requireNonNull(service, "service");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.loader = loader;
        this.openVersion = openVersion == null ? (id, n) -> { } : openVersion;
        this.openTable = openTable == null ? name -> { } : openTable;
    }

    /**
     * A job's lineage across its versions; a click on a version asks {@code openVersion}, on a table
     * {@code openTable} (either may be null: nothing opens).
     */
    public static LineageViewModel forJob(JobId job, Supplier<LineageService> service, UiContext ctx,
                                          java.util.function.BiConsumer<JobId, Integer> openVersion, Consumer<String> openTable) {
        return new LineageViewModel(service, ctx, s -> {
            JobLineage lineage = s.forJob(job);
            List<String> lines = new ArrayList<>();
            for (TableUsage u : lineage.usages()) {
                lines.add(LineageGraphs.tableTitle(u.table()) + ": " + u.describe());
            }
            return new Loaded(LineageGraphs.ofJob(lineage), lines, lineage.versionNumbers().isEmpty()
                    ? "No published version yet: publish the job to see the tables it reads and writes."
                    : "No version of this job reads or writes a table.");
        }, openVersion, openTable);
    }

    /** The job versions reading and writing one table (its full name, e.g. {@code _dc._db.orders}). */
    public static LineageViewModel forTable(String tableName, Supplier<LineageService> service, UiContext ctx,
                                            java.util.function.BiConsumer<JobId, Integer> openVersion, Consumer<String> openTable) {
        return new LineageViewModel(service, ctx, s -> {
            TableLineage lineage = s.forTable(tableName);
            List<String> lines = new ArrayList<>();
            for (TableLineage.JobUse use : lineage.jobs()) {
                use.usages().forEach(u -> lines.add(use.jobName() + ": " + u.describe()));
            }
            return new Loaded(lineage.jobs().isEmpty() ? LineageGraph.EMPTY : LineageGraphs.ofTable(lineage), lines,
                    "No published version reads or writes " + tableName + ".");
        }, openVersion, openTable);
    }

    public ReadOnlyObjectProperty<LineageGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LineageLayout.Result> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** What the graph leaves out or why it is empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** One line per table and access: how the versions use it. */
    public ObservableList<String> usages() {
        return FXCollections.unmodifiableObservableList(usages);
    }

    /** Reads the lineage again (the tab's every selection: a version may have been published meanwhile). */
    public void refresh() {
        LineageService s = service.get();
        if (s == null) {
            return;
        }
        long mine = generation.incrementAndGet();
        loading.set(true);
        BackgroundTask.wrap(() -> {
                    Loaded loaded = loader.apply(s);
                    return new Shown(loaded, LineageLayout.layout(loaded.graph()));
                })
                .titled("Reading table lineage")
                .onSuccess(result -> {
                    if (mine != generation.get()) {
                        return;
                    }
                    Loaded loaded = result.loaded();
                    graph.set(loaded.graph());
                    layout.set(result.layout());
                    usages.setAll(loaded.usages());
                    message.set(loaded.graph().isEmpty() ? loaded.emptyText() : loaded.graph().note());
                    error.set("");
                })
                .onFailure(e -> {
                    if (mine == generation.get()) {
                        error.set("Could not read the lineage: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    }
                })
                .onFinished(() -> {
                    if (mine == generation.get()) {
                        loading.set(false);
                    }
                })
                .executeWith(ctx);
    }

    /** A click on a node: a version opens that version of its job, a table its page (where the window has one). */
    public void open(LineageGraph.Node node) {
        if (node.kind() == LineageGraph.Kind.VERSION && node.jobId() != null) {
            openVersion.accept(node.jobId(), node.version());
        } else if (node.kind() == LineageGraph.Kind.TABLE && node.tableName() != null) {
            openTable.accept(node.tableName());
        }
    }
}
