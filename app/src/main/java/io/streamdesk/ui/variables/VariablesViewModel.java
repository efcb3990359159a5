package io.streamdesk.ui.variables;

import io.streamdesk.model.variable.Variable;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.variables.VariableService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Variables pane (M6): the global variables (secret values masked), and add, edit and delete. Reads and writes
 * run off the FX thread; the list reloads after each change.
 */
public final class VariablesViewModel {
    public static final String EMPTY = "No variables yet. A variable is a named value that job SQL uses as ${name} "
            + "(or ${name}:default), e.g. '${kafka_servers}' in a table's options: change it here instead of in every "
            + "job. A version keeps the values it was published with. Add one with Add variable.";

    private final Supplier<VariableService> service;
    private final UiContext ctx;
    private final ObservableList<Variable> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);

    public VariablesViewModel(Supplier<VariableService> service, UiContext ctx) {
        this.service = service;
        this.ctx = ctx;
    }

    // ---- properties ----

    public ObservableList<Variable> rows() {
        return rows;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The list was read once: before that the empty state is not shown. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** "3 variables" */
    public static String count(int n) {
        return n == 1 ? "1 variable" : n + " variables";
    }

    // ---- commands ----

    public void refresh() {
        BackgroundTask.wrap(() -> service.get().list())
                .onSuccess((List<Variable> list) -> {
                    rows.setAll(list);
                    loaded.set(true);
                })
                .onFailure(e -> error.set("Could not read the variables: " + e.getMessage()))
                .executeWith(ctx);
    }

    /** The form to add a variable. */
    public VariableEditorViewModel adding() {
        return new VariableEditorViewModel(service, ctx, null);
    }

    /** The form to edit {@code variable}. */
    public VariableEditorViewModel editing(Variable variable) {
        return new VariableEditorViewModel(service, ctx, variable);
    }

    /** After a dialog stored {@code saved}: the list reloads and says so. */
    public void saved(Variable saved, boolean added) {
        error.set("");
        message.set((added ? "Added " : "Saved ") + saved.name() + ".");
        refresh();
    }

    /** Deletes in the background; versions that froze it keep their value. */
    public void delete(String name) {
        if (busy.get()) {
            return;
        }
        BackgroundTask.wrap(() -> service.get().delete(name))
                .titled("Deleting variable " + name)
                .onRunning(() -> {
                    busy.set(true);
                    error.set("");
                    message.set("");
                })
                .onSuccess(deleted -> {
                    message.set(deleted ? "Deleted " + name + ". Published versions keep the value they froze."
                            : name + " was already deleted.");
                    refresh();
                })
                .onFailure(e -> error.set(e instanceof InputRejectedException ? e.getMessage()
                        : "Could not delete " + name + ": " + e.getMessage()))
                .onFinished(() -> busy.set(false))
                .executeWith(ctx);
    }
}
