package io.streamdesk.ui.jobs;

import io.streamdesk.model.Job;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.InputLimits;
import io.streamdesk.service.JobService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The "New SQL job" dialog: a required name, a folder defaulting to "/". The service has the last word. */
public final class NewJobViewModel {
    private final JobService jobs;
    private final UiContext ctx;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty folder = new SimpleStringProperty("/");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(false);

    public NewJobViewModel(JobService jobs, UiContext ctx) {
        this.jobs = jobs;
        this.ctx = ctx;
        // the error goes away as soon as the user fixes the name
        name.addListener((o, a, b) -> {
            if (!nameError.get().isEmpty() && b != null && !b.isBlank()) {
                nameError.set("");
            }
        });
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    /** Checks what can be checked here; returns false and sets the inline error otherwise. */
    public boolean validate() {
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty()) {
            nameError.set("A job needs a name.");
            return false;
        }
        if (n.length() > InputLimits.MAX_NAME) {
            nameError.set("At most " + InputLimits.MAX_NAME + " characters.");
            return false;
        }
        nameError.set("");
        return true;
    }

    /** Creates the job in the background; {@code onCreated} gets it on the UI thread. */
    public void create(Consumer<Job> onCreated) {
        if (!validate() || creating.get()) {
            return;
        }
        String n = name.get();
        String f = folder.get();
        BackgroundTask.wrap(() -> jobs.createSqlJob(n, f))
                .titled("Creating job")
                .onRunning(() -> creating.set(true))
                .onSuccess(onCreated)
                .onFailure(e -> nameError.set(e instanceof InputRejectedException ? e.getMessage()
                        : "Could not create the job: " + e.getMessage()))
                .onFinished(() -> creating.set(false))
                .executeWith(ctx);
    }
}
