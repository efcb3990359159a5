package io.streamdesk.ui.metadata;

import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.model.metadata.TableDdlText;
import io.streamdesk.service.metadata.MetadataService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A catalog table's page (M1, M4): its columns (with the primary key), watermark and connector as Flink read them,
 * and its WITH options as editable rows (the connector's row fixed); Save writes the options back through the
 * service, which checks the new DDL with Flink's parser first; Drop removes the table.
 */
public final class TableEditorViewModel {
    /** One row of the columns table. */
    public record ColumnRow(String name, String type, boolean key) {
    }

    private final MetadataTable table;
    private final Supplier<MetadataService> service;
    private final UiContext ctx;
    private final Consumer<String> changed;
    private final ObservableList<OptionRow> options = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    TableEditorViewModel(MetadataTable table, Supplier<MetadataService> service, UiContext ctx, Consumer<String> changed) {
        this.table = table;
        this.service = service;
        this.ctx = ctx;
        this.changed = changed;
        resetOptions();
    }

    public MetadataTable table() {
        return table;
    }

    public String title() {
        return table.qualifiedName();
    }

    public String connector() {
        return table.connector();
    }

    public String watermark() {
        return table.watermark() == null ? "none" : table.watermark();
    }

    public String primaryKey() {
        return table.primaryKey().isEmpty() ? "none" : String.join(", ", table.primaryKey());
    }

    public List<ColumnRow> columns() {
        return table.columns().stream().map((MetadataColumn c) -> new ColumnRow(c.name(), c.type(),
                table.isKeyColumn(c.name()))).toList();
    }

    public ObservableList<OptionRow> options() {
        return options;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // ---- commands ----

    /** A new, empty option row at the end. */
    public OptionRow addOption() {
        OptionRow row = new OptionRow("", "", false);
        options.add(row);
        return row;
    }

    /** Removes a row; the connector's row stays. */
    public void removeOption(OptionRow row) {
        if (row != null && !row.fixed()) {
            options.remove(row);
        }
    }

    public void resetOptions() {
        options.clear();
        Map<String, String> written = TableDdlText.options(table.ddl());
        options.add(new OptionRow("connector", table.connector(), true));
        written.forEach((k, v) -> {
            if (!k.equals("connector")) {
                options.add(new OptionRow(k, v, false));
            }
        });
    }

    /** The options as they will be saved: rows with an empty key and value are left out. */
    public Map<String, String> editedOptions() {
        Map<String, String> map = new LinkedHashMap<>();
        for (OptionRow row : options) {
            String key = row.keyProperty().get() == null ? "" : row.keyProperty().get().strip();
            String value = row.valueProperty().get() == null ? "" : row.valueProperty().get();
            if (key.isEmpty() && value.isEmpty()) {
                continue;
            }
            map.putIfAbsent(key, value);
        }
        return map;
    }

    public void save() {
        error.set("");
        busy.set(true);
        Map<String, String> edited = editedOptions();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (OptionRow row : options) {
            String key = row.keyProperty().get() == null ? "" : row.keyProperty().get().strip();
            if (!key.isEmpty() && !seen.add(key)) {
                error.set("Option '" + key + "' is there twice.");
                busy.set(false);
                return;
            }
        }
        if (edited.keySet().stream().anyMatch(String::isEmpty)) {
            error.set("Option keys: a row has a value but no key.");
            busy.set(false);
            return;
        }
        BackgroundTask.wrap(() -> service.get().updateOptions(table.catalog(), table.database(), table.name(), edited))
                .onSuccess(t -> changed.accept("Saved the options of " + t.qualifiedName() + "."))
                .onFailure(e -> error.set(e.getMessage()))
                .onFinished(() -> busy.set(false))
                .executeWith(ctx);
    }

    public void drop() {
        error.set("");
        busy.set(true);
        BackgroundTask.wrap(() -> service.get().dropTable(table.catalog(), table.database(), table.name()))
                .onSuccess(v -> changed.accept("Dropped table " + table.qualifiedName() + "."))
                .onFailure(e -> error.set(e.getMessage()))
                .onFinished(() -> busy.set(false))
                .executeWith(ctx);
    }
}
