package io.streamdesk.ui.jobtypes;

import io.streamdesk.model.JobId;
import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.jobtype.EtlSpec;
import io.streamdesk.model.jobtype.EtlSql;
import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.service.jobtypes.EtlJobService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An ETL job's page (J1): source and sink chosen from the metadata catalog, one mapping row per sink column (from a
 * source column or an expression; blank leaves the column out), a filter, and the SQL generated from them, shown
 * read-only as it changes and checked with the normal check (E3).
 */
public final class EtlJobViewModel extends JobTypeFormViewModel<EtlSpec> {
    /** One sink column and what it is made of. */
    public static final class MappingRow {
        private final String sinkColumn;
        private final String sinkType;
        private final StringProperty expression = new SimpleStringProperty("");

        MappingRow(String sinkColumn, String sinkType, String expression) {
            this.sinkColumn = sinkColumn;
            this.sinkType = sinkType;
            this.expression.set(expression);
        }

        public String sinkColumn() {
            return sinkColumn;
        }

        public String sinkType() {
            return sinkType;
        }

        public StringProperty expressionProperty() {
            return expression;
        }
    }

    private final EtlJobService etl;

    // ---- properties ----
    private final ObservableList<EtlSpec.TableRef> tables = FXCollections.observableArrayList();
    private final ObjectProperty<EtlSpec.TableRef> source = new SimpleObjectProperty<>();
    private final ObjectProperty<EtlSpec.TableRef> sink = new SimpleObjectProperty<>();
    private final ObservableList<MappingRow> rows = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper sourceColumns = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper generatedSql = new ReadOnlyStringWrapper("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper catalogNote = new ReadOnlyStringWrapper("");
    private MetadataSnapshot catalog = MetadataSnapshot.EMPTY;

    public EtlJobViewModel(JobId jobId, EtlJobService etl, UiContext ctx) {
        super(jobId, ctx, EtlSpec.empty());
        this.etl = Objects.requireNonNull(etl, "etl");
        source.addListener((o, a, b) -> {
            if (!filling) {
                showSourceColumns();
                prefillFromSource();
                changed();
            }
        });
        sink.addListener((o, a, b) -> {
            if (!filling) {
                rowsForSink(Map.of());
                changed();
            }
        });
        filter.addListener((o, a, b) -> changed());
    }

    public ObservableList<EtlSpec.TableRef> tables() {
        return tables;
    }

    public ObjectProperty<EtlSpec.TableRef> sourceProperty() {
        return source;
    }

    public ObjectProperty<EtlSpec.TableRef> sinkProperty() {
        return sink;
    }

    public ObservableList<MappingRow> rows() {
        return rows;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** "Source columns: id BIGINT, name STRING, ..." for writing expressions. */
    public ReadOnlyStringProperty sourceColumnsProperty() {
        return sourceColumns.getReadOnlyProperty();
    }

    /** The Flink SQL the form makes now (read-only; empty while the form is incomplete). */
    public ReadOnlyStringProperty generatedSqlProperty() {
        return generatedSql.getReadOnlyProperty();
    }

    /** The form's problems, then the check's ("line 3, column 5: ..."). */
    public ObservableList<String> problems() {
        return problems;
    }

    /** Said when the catalog has too few tables to choose a source and a sink from. */
    public ReadOnlyStringProperty catalogNoteProperty() {
        return catalogNote.getReadOnlyProperty();
    }

    @Override
    public EtlSpec current() {
        List<EtlSpec.FieldMapping> mappings = rows.stream()
                .map(r -> new EtlSpec.FieldMapping(r.sinkColumn(), r.expressionProperty().get())).toList();
        return new EtlSpec(source.get(), sink.get(), mappings, filter.get());
    }

    /** A row's expression was edited (the table's cells call it). */
    public void setExpression(MappingRow row, String expression) {
        row.expressionProperty().set(expression == null ? "" : expression.strip());
        changed();
    }

    // ---- commands ----

    public void load() {
        BackgroundTask.wrap(() -> new Loaded(etl.catalog(), etl.draft(jobId)))
                .titled("Opening the ETL job")
                .onSuccess(l -> {
                    fill(l.catalog(), l.spec());
                    if (generatedSql.get().length() > 0) {
                        check();
                    }
                })
                .onFailure(e -> message.set("Could not read the ETL job: " + e.getMessage()))
                .executeWith(ctx);
    }

    private record Loaded(MetadataSnapshot catalog, EtlSpec spec) {
    }

    @Override
    protected void persist(EtlSpec spec) {
        etl.save(jobId, spec);
    }

    @Override
    protected String kind() {
        return "ETL job";
    }

    /** The generated SQL through the normal check (E3), in the background. */
    @Override
    public void check() {
        EtlSpec spec = current();
        BackgroundTask.wrap(() -> etl.check(jobId, spec))
                .titled("Checking the ETL job")
                .onRunning(() -> checking.set(true))
                .onSuccess(found -> {
                    List<String> texts = new ArrayList<>();
                    for (SqlProblem p : found) {
                        texts.add(p.line() == 1 && p.column() == 1 && !generatedOk() ? p.message()
                                : "Line " + p.line() + ", column " + p.column() + ": " + p.message());
                    }
                    problems.setAll(texts);
                    message.set(texts.isEmpty() ? "Checked: the generated SQL is valid." : "");
                })
                .onFailure(e -> message.set("Could not check: " + e.getMessage()))
                .onFinished(() -> checking.set(false))
                .executeWith(ctx);
    }

    // ---- internals ----

    private boolean generatedOk() {
        return !generatedSql.get().isEmpty();
    }

    private void fill(MetadataSnapshot snapshot, EtlSpec spec) {
        filling = true;
        try {
            catalog = snapshot;
            tables.setAll(snapshot.tables().stream()
                    .map(t -> new EtlSpec.TableRef(t.catalog(), t.database(), t.name())).toList());
            for (EtlSpec.TableRef chosen : new EtlSpec.TableRef[] {spec.source(), spec.sink()}) {
                if (chosen != null && !tables.contains(chosen)) {
                    tables.add(chosen); // chosen before and gone from the catalog since: still shown, the check says so
                }
            }
            source.set(spec.source());
            sink.set(spec.sink());
            filter.set(spec.filter());
            Map<String, String> expressions = new LinkedHashMap<>();
            spec.mappings().forEach(m -> expressions.put(m.sinkColumn(), m.expression()));
            rowsForSink(expressions);
            showSourceColumns();
            saved = spec;
            catalogNote.set(snapshot.tables().size() < 2
                    ? "The metadata catalog has " + (snapshot.tables().isEmpty() ? "no tables" : "one table")
                    + " yet: an ETL job reads one table and writes another; add them in Metadata." : "");
        } finally {
            filling = false;
        }
        changed();
    }

    /** One row per sink column; saved expressions kept, including those of columns the catalog no longer has. */
    private void rowsForSink(Map<String, String> expressions) {
        List<MappingRow> made = new ArrayList<>();
        Map<String, String> left = new LinkedHashMap<>(expressions);
        List<String> sourceNames = columnsOf(source.get()).stream().map(MetadataColumn::name).toList();
        for (MetadataColumn c : columnsOf(sink.get())) {
            String saved = left.remove(c.name());
            String expression = saved != null ? saved : expressions.isEmpty() && sourceNames.contains(c.name())
                    ? c.name() : "";
            made.add(new MappingRow(c.name(), c.type(), expression));
        }
        left.forEach((column, expression) -> made.add(new MappingRow(column, "(not in the sink)", expression)));
        rows.setAll(made);
    }

    /** A new source: sink columns without a mapping take the source column of the same name. */
    private void prefillFromSource() {
        List<String> names = columnsOf(source.get()).stream().map(MetadataColumn::name).toList();
        for (MappingRow r : rows) {
            if (r.expressionProperty().get().isEmpty() && names.contains(r.sinkColumn())) {
                r.expressionProperty().set(r.sinkColumn());
            }
        }
    }

    private List<MetadataColumn> columnsOf(EtlSpec.TableRef table) {
        return table == null ? List.of() : catalog.table(table.qualifiedName()).map(MetadataTable::columns)
                .orElse(List.of());
    }

    private void showSourceColumns() {
        List<MetadataColumn> columns = columnsOf(source.get());
        sourceColumns.set(source.get() == null ? "" : columns.isEmpty()
                ? source.get().qualifiedName() + " is not in the metadata catalog."
                : "Source columns: " + String.join(", ", columns.stream().map(c -> c.name() + " " + c.type()).toList()));
    }

    /** Regenerates the SQL (pure, no I/O) and the form's own problems on every change. */
    @Override
    protected void changed() {
        if (filling) {
            return;
        }
        super.changed();
        EtlSpec spec = current();
        EtlSql.Generated generated = EtlSql.generate(spec, columnsOf(spec.source()).stream()
                .map(MetadataColumn::name).toList());
        generatedSql.set(generated.sql());
        problems.setAll(generated.problems());
    }
}
