package io.streamdesk.service.secrets;

import io.streamdesk.flink.sql.FlinkSqlChecker;
import io.streamdesk.model.SqlProblem;
import io.streamdesk.testing.InMemorySecretStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check of a script with ${secret:id} on Flink's real parser and validator: a numeric datagen option given as a
 * reference validates (with a placeholder), an unknown secret is reported at its line and column, Flink's own
 * positions after a reference are unchanged, and its messages name the reference rather than the placeholder.
 */
class SecretCheckingSqlCheckerTest {
    private final InMemorySecretStore store = new InMemorySecretStore();
    private final SecretCheckingSqlChecker checker = new SecretCheckingSqlChecker(new FlinkSqlChecker(), store);

    private String script(String rateRef, String tail) {
        return """
                CREATE TABLE src (v BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '%s');
                CREATE TABLE snk (v BIGINT) WITH ('connector' = 'blackhole');
                INSERT INTO snk SELECT v FROM src%s;
                """.formatted(rateRef, tail);
    }

    @Test
    void aKnownSecretInANumericOptionPassesTheCheck() {
        String id = store.put("rate", "5");
        assertThat(checker.check(script("${secret:" + id + "}", ""))).isEmpty();
    }

    @Test
    void anUnknownSecretIsReportedAtItsLineAndColumn() {
        String sql = script("${secret:sec-gone}", "");
        List<SqlProblem> problems = checker.check(sql);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(sql.indexOf("${secret:sec-gone}") + 1);
            assertThat(p.message()).contains("sec-gone").contains("Store as secret");
        });
    }

    @Test
    void flinkPositionsAfterAReferenceAreThoseOfTheScript() {
        String id = store.put("rate", "5");
        String sql = "CREATE TABLE src (v BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '${secret:" + id
                + "}');\nCREATE TABLE snk (v BIGINT) WITH ('connector' = 'blackhole');\n"
                + "INSERT INTO snk SELECT nope FROM src;\n";
        List<SqlProblem> problems = checker.check(sql);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("INSERT INTO snk SELECT ".length() + 1);
        });
    }

    @Test
    void aMessageQuotingThePlaceholderNamesTheReference() {
        String id = store.put("kind", "sequence");
        String sql = """
                CREATE TABLE src (v BIGINT) WITH ('connector' = 'datagen', 'fields.v.kind' = '${secret:%s}');
                CREATE TABLE snk (v BIGINT) WITH ('connector' = 'blackhole');
                INSERT INTO snk SELECT v FROM src;
                """.formatted(id);
        List<SqlProblem> problems = checker.check(sql);
        // Flink quotes the table's options: the message shows the reference, never the placeholder (nor the value)
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("'fields.v.kind'='${secret:" + id + "}'")
                    .doesNotContain("000000001").doesNotContain("sequence");
        });
    }
}
