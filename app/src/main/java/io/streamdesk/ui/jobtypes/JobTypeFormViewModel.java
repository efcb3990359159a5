package io.streamdesk.ui.jobtypes;

import io.streamdesk.model.JobId;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.ui.job.JobForm;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the JAR and ETL forms share (J1): the form's value {@code S} as it is now against the one last saved (dirty),
 * Save in the background then Check, the save task a publish runs first, and the outcome message.
 *
 * @param <S> the form's value, compared with {@code equals} to tell a change
 */
abstract class JobTypeFormViewModel<S> implements JobForm {
    protected final JobId jobId;
    protected final UiContext ctx;
    protected final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    protected final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    /** The value last read or saved. */
    protected S saved;
    /** True while the form is filled from what was read: its listeners must not count that as edits. */
    protected boolean filling;

    protected JobTypeFormViewModel(JobId jobId, UiContext ctx, S empty) {
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.saved = Objects.requireNonNull(empty, "empty");
    }

    /** The form as it is now. */
    public abstract S current();

    /** Writes {@code value} as the job's draft (on a background thread). */
    protected abstract void persist(S value);

    /** What the form is, for progress titles: "JAR job", "ETL job". */
    protected abstract String kind();

    /** The outcome of the last save or check. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    @Override
    public Runnable saveTask() {
        S value = current();
        return () -> {
            persist(value);
            ctx.ui().run(() -> markSaved(value));
        };
    }

    /** Saves the form as the draft (in the background) when it changed, then checks it. */
    @Override
    public void save() {
        S value = current();
        if (value.equals(saved)) {
            check();
            return;
        }
        BackgroundTask.wrap(() -> {
                    persist(value);
                    return value;
                })
                .titled("Saving the " + kind())
                .onSuccess(d -> {
                    markSaved(value);
                    message.set("Saved.");
                    check();
                })
                .onFailure(e -> message.set(e instanceof InputRejectedException ? e.getMessage()
                        : "Could not save: " + e.getMessage()))
                .executeWith(ctx);
    }

    protected void markSaved(S value) {
        saved = value;
        changed();
    }

    /** A field changed: recompute what depends on the whole form. Subclasses add to it. */
    protected void changed() {
        if (!filling) {
            dirty.set(!current().equals(saved));
        }
    }
}
