package io.streamdesk.flink.sql;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.sql.SqlContext;
import io.streamdesk.service.port.JobGraphCompiler;
import io.streamdesk.service.port.SqlSubmitException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Variables through Flink's own parser and planner (E3, M6): substituted first, Flink's positions mapped back. */
class FlinkVariablesTest {
    private static final String SCRIPT = """
            CREATE TABLE src (a INT) WITH ('connector' = 'datagen', 'rows-per-second' = '${rate}');
            CREATE TABLE snk (a INT) WITH ('connector' = 'blackhole');
            INSERT INTO snk SELECT a FROM src WHERE a > ${threshold_value};
            """;

    private static SqlContext with(Map<String, String> variables) {
        return new SqlContext(List.of(), MetadataSnapshot.EMPTY, variables);
    }

    @Test
    void theCheckResolvesVariablesAndNamesAnUnknownOneWhereItIs() {
        FlinkSqlChecker checker = new FlinkSqlChecker();
        assertThat(checker.check(SCRIPT, with(Map.of("rate", "5", "threshold_value", "10")))).isEmpty();
        List<SqlProblem> unknown = checker.check(SCRIPT, with(Map.of("rate", "5")));
        assertThat(unknown).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(SCRIPT.lines().toList().get(2).indexOf("${") + 1);
            assertThat(p.message()).contains("Unknown variable 'threshold_value'");
        });
    }

    @Test
    void flinksErrorAfterASubstitutedValueIsShownWhereTheUserWroteIt() {
        String script = "CREATE TABLE src (a INT) WITH ('connector' = 'datagen');\n"
                + "SELECT a FROM src WHERE a > ${threshold_value} AND AND a < 3;";
        List<SqlProblem> problems = new FlinkSqlChecker().check(script, with(Map.of("threshold_value", "1")));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            // Flink points at "AND AND" of the substituted text, 17 characters to the left of where the script has it
            assertThat(p.column()).isEqualTo(script.lines().toList().get(1).indexOf("AND AND") + 1);
            assertThat(p.message()).contains("AND");
        });
    }

    @Test
    void theCompileUsesTheValuesAndRefusesAnUnresolvedReference() {
        FlinkSqlSubmitter submitter = new FlinkSqlSubmitter();
        JobGraphCompiler.CompiledJob compiled = submitter.compile(SCRIPT, Map.of(),
                with(Map.of("rate", "5", "threshold_value", "10")));
        assertThat(compiled.operators()).isNotEmpty();
        // before issue 12 the literal ${rate} reached the planner: "Unable to create a source"; now it is named
        assertThatThrownBy(() -> submitter.compile(SCRIPT, Map.of(), SqlContext.EMPTY))
                .isInstanceOf(SqlSubmitException.class)
                .hasMessageContaining("Line 1, column 78").hasMessageContaining("Unknown variable 'rate'");
    }
}
