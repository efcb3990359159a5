package io.streamdesk.ui.copy;

import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.Job;
import io.streamdesk.service.CopyService;
import io.streamdesk.service.InputRejectedException;
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
 * Create copy (J6) of one job or of several: target folder and cluster, and for a single job a new name (suggested,
 * editable). Several jobs get their default names; they are copied as a batch by the caller.
 */
public final class CopyJobViewModel {
    private final CopyService copies;
    private final UiContext ctx;
    private final List<Job> sources;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty folder = new SimpleStringProperty("/");
    private final StringProperty clusterId = new SimpleStringProperty("");
    private final ObservableList<ClusterProfile> clusters = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public CopyJobViewModel(CopyService copies, List<Job> sources, UiContext ctx) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("nothing to copy");
        }
        this.copies = copies;
        this.sources = List.copyOf(sources);
        this.ctx = ctx;
        folder.set(sources.get(0).folder());
        clusterId.set(sources.get(0).clusterId());
        name.addListener((o, a, b) -> error.set(""));
    }

    public boolean single() {
        return sources.size() == 1;
    }

    public List<Job> sources() {
        return sources;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public StringProperty clusterIdProperty() {
        return clusterId;
    }

    public ObservableList<ClusterProfile> clusters() {
        return clusters;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is copied and what is not, for the dialog. */
    public static String rulesText() {
        return "The copy gets the draft SQL, its settings (log level, resources, Flink version) and tags. "
                + "Versions, runs and run time are not copied: the copy starts unpublished. Only manually triggered "
                + "savepoints are shared with it. On a cluster without the source's Flink version the copy takes the "
                + "cluster's default; without fine-grained resources it gets 1 CU for JobManager and TaskManager.";
    }

    /** Loads the target clusters and, for one job, the suggested name. */
    public void load() {
        Job first = sources.get(0);
        String f = folder.get();
        BackgroundTask.wrap(() -> new Loaded(copies.targets(), single() ? copies.suggestedName(first.id(), f) : ""))
                .titled("Preparing the copy")
                .onSuccess(l -> {
                    clusters.setAll(l.targets());
                    if (single() && name.get().isBlank()) {
                        name.set(l.name());
                    }
                })
                .onFailure(e -> error.set(e.getMessage()))
                .executeWith(ctx);
    }

    private record Loaded(List<ClusterProfile> targets, String name) {
    }

    /** The request for each source; a blank name asks for the default. */
    public CopyService.CopyRequest request() {
        return new CopyService.CopyRequest(single() ? name.get() : null, folder.get(), clusterId.get());
    }

    /** Copies the single job in the background; {@code onCopied} gets the result on the UI thread. */
    public void copySingle(Consumer<CopyService.CopyResult> onCopied) {
        if (busy.get()) {
            return;
        }
        if (name.get() == null || name.get().isBlank()) {
            error.set("Name: the copy needs a name.");
            return;
        }
        CopyService.CopyRequest request = request();
        Job source = sources.get(0);
        BackgroundTask.wrap(() -> copies.copy(source.id(), request))
                .titled("Copying " + source.name())
                .onRunning(() -> busy.set(true))
                .onSuccess(onCopied)
                .onFailure(e -> error.set(e instanceof InputRejectedException ? e.getMessage()
                        : "Could not copy the job: " + e.getMessage()))
                .onFinished(() -> busy.set(false))
                .executeWith(ctx);
    }
}
