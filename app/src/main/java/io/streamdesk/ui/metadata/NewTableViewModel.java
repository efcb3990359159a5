package io.streamdesk.ui.metadata;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.model.metadata.TableDdlCheck;
import io.streamdesk.model.metadata.TableTemplate;
import io.streamdesk.service.metadata.MetadataService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * New table (M1): a template (or custom DDL) fills the DDL with the table's name; the DDL is checked with Flink's
 * parser off the FX thread whenever it changes (only the newest check's outcome is shown), its problems listed at
 * line and column; Save is possible only when the newest check passed, and stores the table.
 */
public final class NewTableViewModel {
    private final Supplier<MetadataService> service;
    private final UiContext ctx;
    private final List<String> databases;
    private final ObjectProperty<TableTemplate> template = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty database = new SimpleStringProperty();
    private final StringProperty ddl = new SimpleStringProperty("");
    private final ObservableList<SqlProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final AtomicLong generation = new AtomicLong();
    private String filled = "";

    NewTableViewModel(Supplier<MetadataService> service, UiContext ctx, List<String> databases, String initialDatabase) {
        this.service = service;
        this.ctx = ctx;
        this.databases = List.copyOf(databases);
        String fallback = MetadataSnapshot.DEFAULT_CATALOG + "." + MetadataSnapshot.DEFAULT_DATABASE;
        database.set(initialDatabase != null && databases.contains(initialDatabase) ? initialDatabase : fallback);
        template.addListener((o, a, t) -> fill());
        name.addListener((o, a, n) -> {
            // the name follows into the DDL while the user has not edited the template's text
            if (ddl.get().equals(filled)) {
                fill();
            }
        });
        ddl.addListener((o, a, text) -> check());
        database.addListener((o, a, d) -> check());
        template.set(TableTemplate.byId("datagen"));
    }

    // ---- properties ----

    public List<TableTemplate> templates() {
        return TableTemplate.all();
    }

    public List<String> databases() {
        return databases;
    }

    public ObjectProperty<TableTemplate> templateProperty() {
        return template;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** "catalog.database" the table goes to. */
    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty ddlProperty() {
        return ddl;
    }

    /** The newest check's problems, at line and column of the DDL. */
    public ObservableList<SqlProblem> problems() {
        return problems;
    }

    /** The newest check passed: Save may store the table. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** "Checking…", "Flink accepts this table (…)", or what saving failed with. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A problem as the dialog lists it. */
    public static String describe(SqlProblem p) {
        return "Line " + p.line() + ", column " + p.column() + ": " + p.message();
    }

    // ---- commands ----

    private void fill() {
        TableTemplate t = template.get();
        if (t == null) {
            return;
        }
        String n = name.get() == null || name.get().isBlank() ? "my_table" : name.get().strip();
        filled = t.ddl(n);
        ddl.set(filled);
    }

    /** Checks the current DDL in the background; an older check's outcome that comes back later is dropped. */
    public void check() {
        long mine = generation.incrementAndGet();
        String text = ddl.get();
        String[] place = place();
        valid.set(false);
        checking.set(true);
        status.set("Checking with Flink's parser\u2026");
        BackgroundTask.wrap(() -> service.get().checkNewTable(place[0], place[1], text))
                .onSuccess(result -> {
                    if (generation.get() == mine) {
                        show(result);
                    }
                })
                .onFailure(e -> {
                    if (generation.get() == mine) {
                        problems.setAll(new SqlProblem(1, 1, "The check failed: " + e.getMessage()));
                        status.set("");
                        checking.set(false);
                    }
                })
                .executeWith(ctx);
    }

    private void show(TableDdlCheck result) {
        checking.set(false);
        problems.setAll(result.problems());
        valid.set(result.valid());
        status.set(result.valid() ? "Flink accepts this table: " + result.table().columns().size() + " column(s), connector '"
                + result.table().connector() + "'." : result.problems().size() + " problem(s).");
    }

    /** Stores the table (the service checks again); {@code onSaved} gets it. */
    public void save(Consumer<MetadataTable> onSaved) {
        String[] place = place();
        String text = ddl.get();
        valid.set(false);
        BackgroundTask.wrap(() -> service.get().createTable(place[0], place[1], text))
                .onSuccess(onSaved)
                .onFailure(e -> {
                    status.set(e.getMessage());
                    if (e instanceof io.streamdesk.service.InputRejectedException r && !r.problems().isEmpty()) {
                        problems.setAll(r.problems());
                    }
                })
                .executeWith(ctx);
    }

    private String[] place() {
        String d = database.get() == null ? "" : database.get();
        int dot = d.indexOf('.');
        return dot < 0 ? new String[] {MetadataSnapshot.DEFAULT_CATALOG, MetadataSnapshot.DEFAULT_DATABASE}
                : new String[] {d.substring(0, dot), d.substring(dot + 1)};
    }
}
