package io.streamdesk.ui.variables;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.service.variables.VariableService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Replace variables" (M6): the SQL as it will run, every {@code ${name}} replaced by its value (secrets masked),
 * read-only, with the problems at their lines and columns. Computed off the FX thread.
 */
public final class ReplaceVariablesViewModel {
    private final Callable<VariableService.Preview> preview;
    private final UiContext ctx;
    private final String title;
    private final ReadOnlyStringWrapper sql = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Replacing variables\u2026");
    private final ReadOnlyBooleanWrapper ok = new ReadOnlyBooleanWrapper(false);

    /**
     * @param title   what is previewed ("the draft", "version 3")
     * @param preview the service call: {@code variables.preview(sql)} for a draft, {@code preview(version)} for a version
     */
    public ReplaceVariablesViewModel(String title, Callable<VariableService.Preview> preview, UiContext ctx) {
        this.title = title;
        this.preview = preview;
        this.ctx = ctx;
    }

    public String title() {
        return title;
    }

    public ReadOnlyStringProperty sqlProperty() {
        return sql.getReadOnlyProperty();
    }

    /** One problem a line ("3:24: Unknown variable 'rate' …"), empty when there are none. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Which variables the SQL uses, or what went wrong. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The preview is there and has no problems. */
    public ReadOnlyBooleanProperty okProperty() {
        return ok.getReadOnlyProperty();
    }

    public void load() {
        BackgroundTask.wrap(preview)
                .onSuccess(this::show)
                .onFailure(e -> {
                    summary.set("Could not replace the variables: " + e.getMessage());
                    ok.set(false);
                })
                .executeWith(ctx);
    }

    private void show(VariableService.Preview p) {
        sql.set(p.sql() == null ? "" : p.sql());
        problems.set(p.problems().stream().map(SqlProblem::format).collect(Collectors.joining("\n")));
        ok.set(p.problems().isEmpty());
        String used = p.used().isEmpty() ? "uses no variables" : "uses " + p.used().stream().sorted()
                .collect(Collectors.joining(", "));
        summary.set("The SQL of " + title + " " + used + (p.problems().isEmpty() ? "."
                : "; " + (p.problems().size() == 1 ? "1 problem" : p.problems().size() + " problems")
                + " below (the run would be refused)."));
    }
}
