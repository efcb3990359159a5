package io.streamdesk.ui.variables;

import io.streamdesk.model.variable.Variable;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.variables.VariableService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Add or edit one variable (M6). The form says what is wrong as it is typed (the service's own rules); Save is
 * enabled only while it is valid. A secret's value is never read back: editing a secret shows an empty value, and
 * leaving it empty keeps the secret.
 */
public final class VariableEditorViewModel {
    private final Supplier<VariableService> service;
    private final UiContext ctx;
    private final Variable editing;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");
    private final BooleanProperty secret = new SimpleBooleanProperty(false);
    private final StringProperty description = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper serviceError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    VariableEditorViewModel(Supplier<VariableService> service, UiContext ctx, Variable editing) {
        this.service = service;
        this.ctx = ctx;
        this.editing = editing;
        if (editing != null) {
            name.set(editing.name());
            value.set(editing.secret() ? "" : editing.value());
            secret.set(editing.secret());
            description.set(editing.description());
        }
        name.addListener((o, a, b) -> validate());
        value.addListener((o, a, b) -> validate());
        secret.addListener((o, a, b) -> validate());
        description.addListener((o, a, b) -> validate());
        validate();
    }

    public boolean adding() {
        return editing == null;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public BooleanProperty secretProperty() {
        return secret;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** The first rule the form breaks, empty when it is valid. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A refusal from the service on save (e.g. the name exists). */
    public ReadOnlyStringProperty serviceErrorProperty() {
        return serviceError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the value field says when it is empty. */
    public String valuePrompt() {
        if (editing != null && editing.secret()) {
            return "kept in the secret store; type to replace it";
        }
        return "e.g. localhost:9092";
    }

    /** True when an empty value keeps the stored secret. */
    private boolean keepsSecret() {
        return editing != null && editing.secret() && secret.get() && value.get().isEmpty();
    }

    private void validate() {
        serviceError.set("");
        String p = "";
        try {
            VariableService.validName(name.get());
            if (!keepsSecret()) {
                VariableService.validValue(value.get(), secret.get());
            }
            if (description.get() != null && description.get().strip().length() > VariableService.MAX_DESCRIPTION_LENGTH) {
                p = "Descriptions are at most " + VariableService.MAX_DESCRIPTION_LENGTH + " characters.";
            }
        } catch (InputRejectedException e) {
            p = e.getMessage();
        }
        problem.set(p);
        valid.set(p.isEmpty());
    }

    /** Stores the variable off the FX thread; {@code onSaved} gets it, a refusal shows as the service error. */
    public void save(Consumer<Variable> onSaved) {
        if (!valid.get() || busy.get()) {
            return;
        }
        String n = name.get();
        String v = value.get();
        boolean s = secret.get();
        String d = description.get();
        BackgroundTask.wrap(() -> editing == null ? service.get().add(n, v, s, d) : service.get().edit(editing.name(), v, s, d))
                .titled((editing == null ? "Adding" : "Saving") + " variable " + n)
                .onRunning(() -> {
                    busy.set(true);
                    serviceError.set("");
                })
                .onSuccess(onSaved)
                .onFailure(e -> serviceError.set(e instanceof InputRejectedException ? e.getMessage()
                        : "Could not save " + n + ": " + e.getMessage()))
                .onFinished(() -> busy.set(false))
                .executeWith(ctx);
    }
}
