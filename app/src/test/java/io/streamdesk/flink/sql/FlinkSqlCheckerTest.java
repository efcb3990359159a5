package io.streamdesk.flink.sql;

import io.streamdesk.model.SqlProblem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlinkSqlCheckerTest {

    private static final String CREATE_SRC = "CREATE TABLE src (id BIGINT, name STRING) WITH ('connector' = 'datagen');\n";
    private static final String CREATE_SNK = "CREATE TABLE snk (id BIGINT, name STRING) WITH ('connector' = 'blackhole');\n";

    private static FlinkSqlChecker checker;

    @BeforeAll
    static void warmUp() {
        checker = new FlinkSqlChecker();
        checker.warmUp();
    }

    private static List<SqlProblem> check(String script) {
        List<SqlProblem> problems = checker.check(script);
        return problems;
    }

    @Test
    void validScriptHasNoProblems() {
        String script = "-- a job\n" + CREATE_SRC + CREATE_SNK
                + "SET 'pipeline.max-parallelism' = '32';\n"
                + "INSERT INTO snk SELECT id, UPPER(name) FROM src WHERE id > 0;\n";
        assertThat(check(script)).isEmpty();
    }

    @Test
    void settingTheRuntimeModeIsRefusedAtItsKeyWithTheFix() {
        String script = CREATE_SRC + CREATE_SNK          // lines 1-2
                + "\n"                                    // line 3
                + "  SET 'execution.runtime-mode' = 'batch';\n" // line 4: the key starts at column 8
                + "INSERT INTO snk SELECT * FROM src;\n";
        List<SqlProblem> problems = check(script);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(8);
            assertThat(p.message()).contains("execution.runtime-mode", "Configuration > Runtime mode");
        });
        assertThat(check(CREATE_SRC + CREATE_SNK + "SET 'execution.runtime-mode' = 'streaming';\nINSERT INTO snk SELECT * FROM src;"))
                .as("even the mode the job has: the script never sets it").hasSize(1);
        assertThat(check(CREATE_SRC + CREATE_SNK + "SET 'pipeline.name' = 'x';\nINSERT INTO snk SELECT * FROM src;")).isEmpty();
    }

    @Test
    void compileAndSubmitRefuseTheRuntimeModeInTheSameWords() {
        String script = CREATE_SRC + CREATE_SNK + "SET 'execution.runtime-mode' = 'batch';\nINSERT INTO snk SELECT * FROM src;";
        FlinkSqlSubmitter submitter = new FlinkSqlSubmitter();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> submitter.compile(script, java.util.Map.of()))
                .isInstanceOf(io.streamdesk.service.port.SqlSubmitException.class)
                .hasMessageContaining("line 3").hasMessageContaining("Configuration > Runtime mode");
        // the submit prepares the same way before it contacts the cluster: nothing listens on port 1
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> submitter.submit(new io.streamdesk.flink.rest.FlinkRestClient("http://127.0.0.1:1"), "x", script, null))
                .isInstanceOf(io.streamdesk.service.port.SqlSubmitException.class)
                .hasMessageContaining("Configuration > Runtime mode");
    }

    @Test
    void createTableThenInsertIntoItValidates() {
        assertThat(check(CREATE_SRC + CREATE_SNK + "INSERT INTO snk SELECT * FROM src;")).isEmpty();
    }

    @Test
    void misspelledFromInThirdStatementPointsAtTheWordInTheScript() {
        String script = CREATE_SRC          // line 1
                + "\n"                       // line 2
                + "/* the sink\n   */\n"      // lines 3-4
                + CREATE_SNK                 // line 5
                + "-- copy\n"                // line 6
                + "\n"                       // line 7
                + "  INSERT INTO snk\n"      // line 8
                + "  SELECT * FORM src;\n";  // line 9: the parser takes FORM as an alias and trips on src, column 17
        List<SqlProblem> problems = check(script);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(9);
        assertThat(problems.get(0).column()).isEqualTo(17);
        assertThat(problems.get(0).message())
                .contains("Encountered \"src\" at line 9, column 17")
                .contains("Was expecting one of")
                .doesNotContain("SQL parse failed")
                .doesNotContain("org.apache");
    }

    @Test
    void positionOnTheStatementsFirstLineIncludesItsColumn() {
        String script = CREATE_SRC + "\n   SELECT * FORM src;";
        List<SqlProblem> problems = check(script);
        assertThat(problems).extracting(SqlProblem::line, SqlProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, 4 + 14)); // "src" after "SELECT * FORM "
    }

    @Test
    void errorWithoutPositionPointsAtTheStatementStart() {
        String script = CREATE_SRC + "\n-- oops\n    SELEC 1;\n";
        List<SqlProblem> problems = check(script);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(4);
        assertThat(problems.get(0).column()).isEqualTo(5);
        assertThat(problems.get(0).message()).contains("Not a statement Flink SQL knows").doesNotContain("org.apache");
    }

    @Test
    void unknownTableInInsertIsReportedAtTheStatement() {
        String script = CREATE_SNK + "\nINSERT INTO snk\nSELECT id, name FROM nowhere;\n";
        List<SqlProblem> problems = check(script);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isBetween(3, 4);
        assertThat(problems.get(0).message()).contains("nowhere");
    }

    @Test
    void continuesAfterAnErrorAndReportsLaterStatements() {
        String script = "SELEC 1;\n" + CREATE_SRC + "SELECT * FORM src;\n";
        List<SqlProblem> problems = check(script);
        assertThat(problems).extracting(SqlProblem::line).containsExactly(1, 3);
    }

    @Test
    void statementSetValidatesAgainstCreatedTables() {
        String script = CREATE_SRC + CREATE_SNK + "EXECUTE STATEMENT SET BEGIN\n"
                + "INSERT INTO snk SELECT * FROM src;\n"
                + "INSERT INTO snk SELECT id, name FROM src WHERE id > 5;\n"
                + "END;\n";
        assertThat(check(script)).isEmpty();
    }

    @Test
    void bogusOperatorInTheMiddleOfALineIsReportedWithTheParsersPosition() {
        String script = CREATE_SRC + CREATE_SNK + "INSERT INTO snk SELECT id, name FROM src WHERE id >> 1;";
        List<SqlProblem> problems = check(script);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(51); // the ">>" token
            assertThat(p.message()).startsWith("Encountered \"").contains("at line 3, column 51");
        });
    }

    @Test
    void tabsCountAsOneColumnLikeInTheEditor() {
        String script = CREATE_SRC + "SELECT *\n\tFROM src\tWHER id > 1;";
        List<SqlProblem> problems = check(script);
        // "WHER" is taken as an alias; the parser trips on "id" right after it: line 3, after tab+FROM src+tab+WHER+space
        assertThat(problems).extracting(SqlProblem::line, SqlProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, 16));
    }

    @Test
    void checksRunConcurrentlyWithWarmUpAndEachOther() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var warm = pool.submit(() -> new FlinkSqlChecker().warmUp());
            var bad = pool.submit(() -> checker.check(CREATE_SRC + "SELECT * FORM src;"));
            var good = pool.submit(() -> checker.check(CREATE_SRC + CREATE_SNK + "INSERT INTO snk SELECT * FROM src;"));
            warm.get();
            assertThat(bad.get()).extracting(SqlProblem::line).containsExactly(2);
            assertThat(good.get()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tablesOfOneCheckDoNotLeakIntoTheNext() {
        assertThat(check(CREATE_SNK)).isEmpty();
        assertThat(check("INSERT INTO snk SELECT 1, 'x';")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("snk"));
    }

    @Test
    void tooLongScriptIsOneProblemAtTheStart() {
        String script = "SELECT 1;\n".repeat(FlinkSqlChecker.MAX_SCRIPT_CHARS / 10 + 1);
        List<SqlProblem> problems = check(script);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).contains("too long");
        });
    }

    @Test
    void blankScriptHasNoProblems() {
        assertThat(check("  \n-- nothing\n")).isEmpty();
    }
}
