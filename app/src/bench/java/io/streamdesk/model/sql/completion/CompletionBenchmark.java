package io.streamdesk.model.sql.completion;

import io.streamdesk.flink.sql.FlinkSqlVocabulary;
import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.metadata.MetadataDatabase;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * E2: one completion request with 10,000 tables of 20 columns in the metadata catalog (10 databases of 1,000 tables),
 * Flink's real vocabulary, and a 400-line script with its own DDL before the statement being typed. Each request gets
 * a different text (a character typed, then taken back), so the script is lexed again every time, as after a
 * keystroke. Sample mode reports percentiles: read p0.99 per scenario. {@code build} is the index build a catalog
 * refresh costs (in the background, not per request).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class CompletionBenchmark {
    static final int TABLES = 10_000;
    static final int COLUMNS = 20;
    static final int DATABASES = 10;

    /** Where the caret is; the statement is typed at the end of the script. */
    @Param({"fromPrefix", "fromEmpty", "threePart", "selectColumns", "aliasColumn", "whereColumns", "withOptions",
            "keyword"})
    public String scenario;

    private SqlCompleter completer;
    private MetadataSnapshot snapshot;
    private BuiltInVocabulary vocabulary;
    private String[] texts;
    private int[] carets;
    private int n;

    @Setup
    public void setUp() {
        snapshot = catalog();
        vocabulary = new FlinkSqlVocabulary().read();
        completer = new SqlCompleter(CompletionIndex.build(snapshot, vocabulary));
        String statement = switch (scenario) {
            case "fromPrefix" -> "SELECT * FROM t12|";
            case "fromEmpty" -> "SELECT * FROM |";
            case "threePart" -> "SELECT * FROM _dc.db3.|";
            case "selectColumns" -> "SELECT c1| FROM _dc.db3.t3456";
            case "aliasColumn" -> "SELECT o.| FROM _dc.db3.t3456 o JOIN _dc.db4.t4567 c ON o.c1 = c.c1";
            case "whereColumns" -> "SELECT * FROM _dc.db3.t3456 o JOIN script_t7 s ON o.c1 = s.id WHERE |";
            case "withOptions" -> "CREATE TABLE x (id INT) WITH ('connector' = 'datagen', '|')";
            case "keyword" -> "S|";
            default -> throw new IllegalArgumentException(scenario);
        };
        String script = script();
        int caret = script.length() + statement.indexOf('|');
        String text = script + statement.replace("|", "");
        // two texts that differ by one typed character far from the caret: every request lexes the script anew
        texts = new String[] {text, "-" + text};
        carets = new int[] {caret, caret + 1};
    }

    @Benchmark
    public Completion complete() {
        int i = n++ & 1;
        return completer.complete(texts[i], carets[i]);
    }

    static MetadataSnapshot catalog() {
        List<MetadataDatabase> dbs = new ArrayList<>();
        List<MetadataTable> tables = new ArrayList<>(TABLES);
        for (int d = 0; d < DATABASES; d++) {
            dbs.add(new MetadataDatabase("_dc", "db" + d));
        }
        for (int t = 0; t < TABLES; t++) {
            List<MetadataColumn> cols = new ArrayList<>(COLUMNS);
            for (int c = 0; c < COLUMNS; c++) {
                cols.add(new MetadataColumn("c" + c + (c % 3 == 0 ? "_id" : "_value"), c % 2 == 0 ? "BIGINT" : "STRING"));
            }
            tables.add(new MetadataTable("_dc", "db" + (t / (TABLES / DATABASES)), "t" + t,
                    "CREATE TABLE t" + t + " (...)", t % 2 == 0 ? "kafka" : "jdbc", cols, Instant.EPOCH));
        }
        return new MetadataSnapshot(dbs, tables);
    }

    /** 40 tables of the script's own (DDL of 8 lines each) and 40 INSERT statements: 400 lines before the caret. */
    static String script() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append("CREATE TEMPORARY TABLE script_t").append(i).append(" (\n")
                    .append("  id BIGINT,\n  name STRING,\n  amount DECIMAL(10, 2),\n  ts TIMESTAMP(3),\n")
                    .append("  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND\n")
                    .append(") WITH ('connector' = 'datagen', 'rows-per-second' = '10');\n")
                    .append("INSERT INTO sink SELECT id, UPPER(name) FROM script_t").append(i)
                    .append(" WHERE amount > 10; -- note ").append(i).append('\n');
        }
        return sb.toString();
    }

    /** What a refresh of the catalog costs: the index of 10,000 tables (only in the fromPrefix run, once is enough). */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 3, time = 2)
    @Fork(value = 1, jvmArgs = {"-Xmx1g"})
    public static class Build {
        private MetadataSnapshot snapshot;
        private BuiltInVocabulary vocabulary;

        @Setup
        public void setUp() {
            snapshot = catalog();
            vocabulary = new FlinkSqlVocabulary().read();
        }

        @Benchmark
        public CompletionIndex build() {
            return CompletionIndex.build(snapshot, vocabulary);
        }
    }
}
