package io.streamdesk.flink.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.JobConfig;
import io.streamdesk.service.jobconfig.ConfigProblem;
import io.streamdesk.service.jobconfig.ParameterValidator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Values of keys Flink knows are read the way Flink reads them, while the user types (not when the job runs). */
class FlinkConfigOptionCatalogTest {
    private static final FlinkConfigOptionCatalog CATALOG = new FlinkConfigOptionCatalog();
    private final ParameterValidator validator = new ParameterValidator(CATALOG);

    @BeforeAll
    static void build() {
        CATALOG.awaitReady();
    }

    private List<ConfigProblem> validate(String yaml) {
        return validator.validate(JobConfig.defaults().withParameters(yaml), ParameterValidator.Context.none());
    }

    /** 1-based column of {@code value} on 1-based {@code line} of {@code text}. */
    private static int column(String text, int line, String value) {
        return text.split("\n", -1)[line - 1].indexOf(value) + 1;
    }

    @Test
    void aBadIntegerIsReportedAtItsLineAndColumn() {
        String yaml = "# restarts\nrestart-strategy.type: fixed-delay\nrestart-strategy.fixed-delay.attempts: abc\n";
        assertThat(validate(yaml)).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(column(yaml, 3, "abc")).isEqualTo(40);
            assertThat(p.message()).isEqualTo("'abc' is not a valid Integer for restart-strategy.fixed-delay.attempts");
            assertThat(p.describe()).isEqualTo("Parameters line 3, column 40: 'abc' is not a valid Integer for "
                    + "restart-strategy.fixed-delay.attempts");
        });
    }

    @Test
    void aBadDurationNamesTheType() {
        String yaml = "restart-strategy.fixed-delay.delay: 5 parsecs";
        assertThat(validate(yaml)).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("'5 parsecs' is not a valid Duration for restart-strategy.fixed-delay.delay");
            assertThat(p.column()).isEqualTo(column(yaml, 1, "5 parsecs"));
        });
    }

    @Test
    void aBadEnumNamesTheAllowedValues() {
        assertThat(validate("execution.checkpointing.mode: MOSTLY_ONCE")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'MOSTLY_ONCE'", "execution.checkpointing.mode",
                        "EXACTLY_ONCE", "AT_LEAST_ONCE"));
    }

    @Test
    void aBadBooleanAndABadMemorySizeAreErrors() {
        assertThat(validate("execution.checkpointing.unaligned.enabled: maybe\ntaskmanager.memory.managed.size: lots"))
                .extracting(ConfigProblem::line, ConfigProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "'maybe' is not a valid Boolean for "
                                + "execution.checkpointing.unaligned.enabled (true or false)"),
                        org.assertj.core.groups.Tuple.tuple(2, "'lots' is not a valid MemorySize for "
                                + "taskmanager.memory.managed.size (e.g. 512 mb, 2 gb)"));
    }

    @Test
    void goodValuesOfEachTypePass() {
        assertThat(validate("""
                restart-strategy.fixed-delay.attempts: 7
                restart-strategy.fixed-delay.delay: 10 s
                execution.checkpointing.mode: at_least_once
                execution.checkpointing.unaligned.enabled: TRUE
                taskmanager.memory.managed.size: 512 mb
                table.exec.mini-batch.enabled: 'false'
                """)).isEmpty();
        assertThat(validate(JobConfig.DEFAULT_PARAMETERS)).isEmpty();
    }

    @Test
    void unknownKeysAreAllowed() {
        assertThat(validate("my.connector.retries: abc\nrestart-strategy.fixed-delay.attemptz: abc")).isEmpty();
    }

    @Test
    void aDeprecatedKeyIsCheckedAsTheOptionItStandsFor() {
        assertThat(validate("state.checkpoints.num-retained: five")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'five'", "Integer"));
    }

    @Test
    void aQuotedValueIsPointedAtByItsQuote() {
        String yaml = "a.b: 1\nexecution.checkpointing.timeout:   \"soon\"";
        assertThat(validate(yaml)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(column(yaml, 2, "\"soon\""));
        });
    }

    @Test
    void theCatalogHoldsFlinkAndTableOptions() {
        assertThat(CATALOG.size()).isGreaterThan(300);
        assertThat(CATALOG.invalidValue("table.exec.state.ttl", "a while")).isPresent();
        assertThat(CATALOG.invalidValue("table.exec.state.ttl", "1 h")).isEmpty();
    }
}
