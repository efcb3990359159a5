package io.streamdesk.ui.dependencies;

import io.streamdesk.model.dependency.Dependency;
import io.streamdesk.model.dependency.DependencyKind;
import io.streamdesk.model.dependency.DependencyUse;
import io.streamdesk.model.dependency.DependencyVersion;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.dependencies.ConfigFileContent;
import io.streamdesk.service.dependencies.DependencyService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Dependencies pane (DP1-DP3): the uploaded dependencies, the selected one's page (its versions, what references
 * it, a configuration file's content) and the commands Upload, Remove, Remove version. All I/O on the app's executor;
 * a refusal (a limit, a referenced version) shows inline as the error.
 */
public final class DependenciesViewModel {
    public static final String EMPTY = "No dependencies yet \u2014 Upload\u2026 a connector or UDF JAR (at most 50 MB) "
            + "or a configuration file (at most 2 MB). A job then uses them from its Configuration tab.";
    public static final String SELECT_HINT = "Select a dependency to see its versions and the jobs that use it.";

    private final Supplier<DependencyService> service;
    private final UiContext ctx;
    private final ObservableList<Dependency> rows = FXCollections.observableArrayList();
    private final ObservableList<DependencyVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<DependencyUse> uses = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Dependency> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper contentTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper content = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** -1 (indeterminate) while an upload is copied and hashed, 0 otherwise. */
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private String selectedName;
    private boolean replacingRows;

    public DependenciesViewModel(Supplier<DependencyService> service, UiContext ctx) {
        this.service = Objects.requireNonNull(service, "service");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    // ---- properties ----

    public ObservableList<Dependency> rows() {
        return rows;
    }

    /** The selected dependency's versions, newest first. */
    public ObservableList<DependencyVersion> versions() {
        return versions;
    }

    /** The drafts and job versions that reference the selected dependency. */
    public ObservableList<DependencyUse> uses() {
        return uses;
    }

    public ReadOnlyObjectProperty<Dependency> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "app.conf@2" while a configuration file's content is shown, empty otherwise. */
    public ReadOnlyStringProperty contentTitleProperty() {
        return contentTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty contentProperty() {
        return content.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "3 dependencies". */
    public String countText() {
        return rows.size() == 1 ? "1 dependency" : rows.size() + " dependencies";
    }

    // ---- commands ----

    /** Reads the list again (one refresh at a time) and the selected dependency's page. */
    public void refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        BackgroundTask.wrap(() -> service.get().list())
                .onSuccess(this::showRows)
                .onFailure(e -> error.set("Could not read the dependencies: " + e.getMessage()))
                .onFinished(() -> refreshing.set(false))
                .executeWith(ctx);
    }

    /** Shows the page of {@code name}; null clears it. */
    public void select(String name) {
        if (!Objects.equals(name, selectedName)) {
            contentTitle.set("");
            content.set("");
            if (!busy.get()) {
                error.set("");
                message.set("");
            }
        }
        selectedName = name;
        Dependency d = name == null ? null : rows.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
        selected.set(d);
        if (d == null) {
            versions.clear();
            uses.clear();
            return;
        }
        record Page(List<DependencyVersion> versions, List<DependencyUse> uses) {
        }
        BackgroundTask.wrap(() -> new Page(service.get().versions(name), service.get().referencedBy(name)))
                .onSuccess((Page p) -> {
                    if (name.equals(selectedName)) {
                        versions.setAll(p.versions());
                        uses.setAll(p.uses());
                    }
                })
                .onFailure(e -> error.set(describe("Could not read " + name, e)))
                .executeWith(ctx);
    }

    /**
     * Uploads {@code file} (a new dependency, or the next version of the one with its name) in the background with
     * progress shown; the list fills and the dependency is selected when done.
     */
    public void upload(Path file, String description) {
        if (file == null || busy.get()) {
            return;
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String size = sizeOf(file);
        BackgroundTask.wrap(() -> service.get().add(file, description))
                .titled("Uploading " + name)
                .onRunning(() -> {
                    busy.set(true);
                    progress.set(-1);
                    error.set("");
                    message.set("Uploading " + name + size + ": copying and hashing\u2026");
                })
                .onSuccess((DependencyVersion v) -> {
                    message.set("Uploaded " + v.label() + " (" + DependencyKind.formatSize(v.size()) + ", sha256 "
                            + v.shortSha256() + ").");
                    selectedName = v.name();
                    refreshThenSelect(v.name());
                })
                .onFailure(e -> {
                    message.set("");
                    error.set(describe("Not uploaded", e));
                })
                .onFinished(() -> {
                    busy.set(false);
                    progress.set(0);
                })
                .executeWith(ctx);
    }

    /** Shows the content of a configuration file version (read-only). */
    public void showContent(DependencyVersion version) {
        if (version == null) {
            return;
        }
        if (version.kind() != DependencyKind.CONFIG_FILE) {
            contentTitle.set("");
            content.set("");
            return;
        }
        BackgroundTask.wrap(() -> service.get().content(version.name(), version.version()))
                .onSuccess((ConfigFileContent c) -> {
                    contentTitle.set(version.label() + " (" + DependencyKind.formatSize(c.size()) + ")");
                    content.set(c.binary() ? "This file is not UTF-8 text (" + c.size() + " bytes): its content is not shown."
                            : c.text());
                })
                .onFailure(e -> error.set(describe("Could not show " + version.label(), e)))
                .executeWith(ctx);
    }

    /** Removes one version; a refusal (a draft or job version references it) names them as the error. */
    public void removeVersion(DependencyVersion version) {
        if (version == null) {
            return;
        }
        act("Removing " + version.label(), () -> service.get().remove(version.name(), version.version()),
                "Removed " + version.label() + ".", "Could not remove " + version.label(), version.name());
    }

    /** Removes the selected dependency with all its versions, unless one is referenced. */
    public void removeSelected() {
        Dependency d = selected.get();
        if (d == null) {
            return;
        }
        act("Removing " + d.name(), () -> service.get().remove(d.name()),
                "Removed " + d.name() + " (" + d.versionCount() + (d.versionCount() == 1 ? " version)." : " versions)."),
                "Could not remove " + d.name(), null);
    }

    private void act(String title, Runnable work, String done, String failed, String reselect) {
        if (busy.get()) {
            return;
        }
        BackgroundTask.wrap(work)
                .titled(title)
                .onRunning(() -> {
                    busy.set(true);
                    error.set("");
                    message.set("");
                })
                .onSuccess(v -> {
                    message.set(done);
                    refreshThenSelect(reselect);
                })
                .onFailure(e -> error.set(describe(failed, e)))
                .onFinished(() -> busy.set(false))
                .executeWith(ctx);
    }

    private void refreshThenSelect(String name) {
        BackgroundTask.wrap(() -> service.get().list())
                .onSuccess((List<Dependency> all) -> {
                    selectedName = name;
                    showRows(all);
                })
                .onFailure(e -> error.set("Could not read the dependencies: " + e.getMessage()))
                .executeWith(ctx);
    }

    /**
     * True while a refresh replaces the rows: a table clears its selection then, which is not the user deselecting
     * (the selection is restored right after).
     */
    public boolean replacingRows() {
        return replacingRows;
    }

    private void showRows(List<Dependency> all) {
        String keep = selectedName;
        replacingRows = true;
        try {
            rows.setAll(all);
        } finally {
            replacingRows = false;
        }
        selectedName = null; // select() reloads the page of the one kept
        String errorShown = error.get();
        String messageShown = message.get();
        select(keep != null && all.stream().anyMatch(d -> d.name().equals(keep)) ? keep : null);
        error.set(errorShown);
        message.set(messageShown);
    }

    private static String sizeOf(Path file) {
        try {
            return " (" + DependencyKind.formatSize(Files.size(file)) + ")";
        } catch (Exception e) {
            return "";
        }
    }

    private static String describe(String what, Throwable e) {
        if (e instanceof InputRejectedException) {
            return e.getMessage();
        }
        return what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
