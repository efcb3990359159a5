package io.streamdesk.model.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.model.sql.VariableSubstitution.Result;
import io.streamdesk.model.sql.VariableSubstitution.Where;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ${name}} and {@code ${name}:default} in job SQL (M2, M6). */
class VariableSubstitutionTest {

    @Test
    void substitutesInsideOptionLiteralsAndPlainSql() {
        String sql = "CREATE TABLE s (a INT) WITH ('connector' = 'datagen', 'rows-per-second' = '${rate}');\n"
                + "INSERT INTO k SELECT a FROM s LIMIT ${max_rows};";
        Result r = VariableSubstitution.apply(sql, Map.of("rate", "5", "max_rows", "100"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.text()).isEqualTo("CREATE TABLE s (a INT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');\n"
                + "INSERT INTO k SELECT a FROM s LIMIT 100;");
        assertThat(r.names()).containsExactly("rate", "max_rows");
        assertThat(r.references()).extracting(VariableSubstitution.Reference::where)
                .containsExactly(Where.STRING, Where.CODE);
        assertThat(r.references().get(0).option()).isEqualTo("rows-per-second");
    }

    @Test
    void defaultsApplyOnlyWhenTheVariableIsUnknown() {
        String sql = "SELECT '${servers}:localhost:9092', '${host}:${port}', ${n}:7";
        Result none = VariableSubstitution.apply(sql, Map.of("host", "h", "port", "1"));
        assertThat(none.problems()).extracting(SqlProblem::message)
                .containsExactly(); // servers and n have defaults
        assertThat(none.text()).isEqualTo("SELECT 'localhost:9092', 'h:1', 7");
        Result set = VariableSubstitution.apply(sql, Map.of("servers", "b:1", "host", "h", "port", "1", "n", "3"));
        assertThat(set.text()).isEqualTo("SELECT 'b:1', 'h:1', 3");
    }

    @Test
    void unknownVariableIsReportedAtItsLineAndColumnByName() {
        String sql = "CREATE TABLE s (a INT) WITH (\n  'connector' = 'datagen',\n  'rows-per-second' = '${rate}'\n)";
        Result r = VariableSubstitution.apply(sql, Map.of());
        assertThat(r.problems()).hasSize(1);
        SqlProblem p = r.problems().get(0);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(24);
        assertThat(p.message()).contains("Unknown variable 'rate'");
        assertThat(r.text()).isEqualTo(sql);
    }

    @Test
    void secretReferencesAreLeftAlone() {
        String sql = "WITH ('password' = '${secret:sec-1a2b3c4d}', 'user' = '${user}') ${secret:x}";
        Result r = VariableSubstitution.apply(sql, Map.of("user", "bob", "secret", "nope"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.text()).isEqualTo("WITH ('password' = '${secret:sec-1a2b3c4d}', 'user' = 'bob') ${secret:x}");
        assertThat(r.names()).containsExactly("user");
    }

    @Test
    void connectorAndVersionOptionsRefuseVariables() {
        String sql = "WITH ('connector' = '${kind}',\n 'VERSION' /* c */ = '${v}:1', 'format' = '${f}')";
        Result r = VariableSubstitution.apply(sql, Map.of("kind", "kafka", "v", "2", "f", "json"));
        assertThat(r.problems()).extracting(SqlProblem::line, SqlProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 22), org.assertj.core.groups.Tuple.tuple(2, 23));
        assertThat(r.problems().get(0).message()).contains("'connector' option");
        assertThat(r.problems().get(1).message()).contains("'version' option");
        assertThat(r.text()).contains("'${kind}'").contains("'json'");
    }

    @Test
    void commentsAreNotSubstituted() {
        String sql = "-- ${a}\n/* ${b} */ SELECT ${c}";
        Result r = VariableSubstitution.apply(sql, Map.of("c", "1"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.text()).isEqualTo("-- ${a}\n/* ${b} */ SELECT 1");
    }

    @Test
    void malformedReferences() {
        String sql = "SELECT ${}, ${1a}, ${a-b}, '${open";
        Result r = VariableSubstitution.apply(sql, Map.of("a", "x"));
        assertThat(r.problems()).extracting(SqlProblem::column).containsExactly(8, 13, 20, 29);
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.message()).startsWith("Malformed variable reference"));
        assertThat(VariableSubstitution.apply("${" + "a".repeat(65) + "}", Map.of()).problems().get(0).message())
                .contains("at most 64");
    }

    @Test
    void quotesInValuesAreEscapedForTheirContext() {
        Result r = VariableSubstitution.apply("SELECT '${v}', `${v}`", Map.of("v", "it's `x`"));
        assertThat(r.text()).isEqualTo("SELECT 'it''s `x`', `it's ``x```");
    }

    @Test
    void secretVariablesOnlyInsideLiterals() {
        Map<String, String> vars = Map.of("pw", "${secret:sec-00000001}");
        assertThat(VariableSubstitution.apply("WITH ('password' = '${pw}')", vars).text())
                .isEqualTo("WITH ('password' = '${secret:sec-00000001}')");
        Result outside = VariableSubstitution.apply("SELECT ${pw}", vars);
        assertThat(outside.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("'pw' is a secret");
            assertThat(p.column()).isEqualTo(8);
        });
    }

    @Test
    void positionsOfTheSubstitutedTextMapBackToTheScript() {
        String sql = "SELECT '${long_name}', x\nFROM ${t} WHERE y";
        Result r = VariableSubstitution.apply(sql, Map.of("long_name", "v", "t", "a_much_longer_table_name"));
        assertThat(r.text()).isEqualTo("SELECT 'v', x\nFROM a_much_longer_table_name WHERE y");
        // 'x' at line 1, column 13 of the substituted text is column 24 of the script
        assertThat(r.positions().toOriginal(1, 13)).containsExactly(1, 24);
        // 'WHERE' after the longer table name
        int where = r.text().indexOf("WHERE") - r.text().indexOf('\n');
        assertThat(r.positions().toOriginal(2, where)).containsExactly(2, sql.indexOf("WHERE") - sql.indexOf('\n'));
        // inside the replaced value: the reference's start
        assertThat(r.positions().toOriginal(2, 10)).containsExactly(2, 6);
        assertThat(r.positions().toOriginal(new SqlProblem(1, 13, "m"))).isEqualTo(new SqlProblem(1, 24, "m"));
    }

    @Test
    void scriptWithoutVariablesIsUnchanged() {
        Result r = VariableSubstitution.apply("SELECT '$', '{x}'", Map.of());
        assertThat(r.text()).isEqualTo("SELECT '$', '{x}'");
        assertThat(r.positions().isIdentity()).isTrue();
    }
}
