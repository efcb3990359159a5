package io.streamdesk.ui.job;

import io.streamdesk.model.JobVersion;
import io.streamdesk.model.SqlProblem;
import io.streamdesk.service.InputLimits;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The publish dialog (J5, V1): a required description; the service's refusal (SQL errors, no draft) stays in the
 * dialog so the user reads it where they acted.
 */
public final class PublishViewModel {
    private final UiContext ctx;
    private final Function<String, JobVersion> publisher;
    private final Consumer<List<SqlProblem>> problemSink;
    private final StringProperty description = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper publishing = new ReadOnlyBooleanWrapper(false);

    /**
     * @param publisher   does the work on a background thread: saves the draft if needed and publishes
     * @param problemSink receives the SQL problems of a refusal (the editor marks them)
     */
    public PublishViewModel(UiContext ctx, Function<String, JobVersion> publisher,
                            Consumer<List<SqlProblem>> problemSink) {
        this.ctx = ctx;
        this.publisher = publisher;
        this.problemSink = problemSink;
        description.addListener((o, a, b) -> {
            if (b != null && !b.isBlank() && error.get().startsWith("Description")) {
                error.set("");
            }
        });
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** The inline error: a missing description or the service's refusal. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty publishingProperty() {
        return publishing.getReadOnlyProperty();
    }

    public boolean validate() {
        String d = description.get() == null ? "" : description.get().strip();
        if (d.isEmpty()) {
            error.set("Description: say what changed in this version.");
            return false;
        }
        if (d.length() > InputLimits.MAX_DESCRIPTION) {
            error.set("Description: at most " + InputLimits.MAX_DESCRIPTION + " characters.");
            return false;
        }
        error.set("");
        return true;
    }

    public void publish(Consumer<JobVersion> onPublished) {
        if (!validate() || publishing.get()) {
            return;
        }
        String d = description.get().strip();
        BackgroundTask.wrap(() -> publisher.apply(d))
                .titled("Publishing")
                .onRunning(() -> publishing.set(true))
                .onSuccess(onPublished)
                .onFailure(this::refused)
                .onFinished(() -> publishing.set(false))
                .executeWith(ctx);
    }

    private void refused(Throwable e) {
        if (e instanceof InputRejectedException r) {
            error.set(r.getMessage());
            if (!r.problems().isEmpty()) {
                problemSink.accept(r.problems());
            }
        } else {
            error.set("Publishing failed: " + e.getMessage());
        }
    }
}
