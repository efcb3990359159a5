package io.streamdesk.service.jobconfig;

import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobResources;
import io.streamdesk.model.ParameterText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterValidatorTest {
    private final ParameterValidator validator = new ParameterValidator();

    private List<ConfigProblem> validate(String yaml) {
        return validator.validate(JobConfig.defaults().withParameters(yaml), ParameterValidator.Context.none());
    }

    private List<ConfigProblem> validate(String yaml, int largestOperatorParallelism) {
        return validator.validate(JobConfig.defaults().withParameters(yaml),
                new ParameterValidator.Context(largestOperatorParallelism, null, false));
    }

    static List<String> p2Keys() {
        return StreamSupport.stream(PlatformOwnedKeys.p2Keys().spliterator(), false).toList();
    }

    @Test
    void theDefaultsOfANewDraftAreValid() {
        assertThat(validate(JobConfig.DEFAULT_PARAMETERS)).isEmpty();
        assertThat(JobConfig.defaults().parameterEntries())
                .containsEntry("pipeline.max-parallelism", "2048")
                .containsEntry("restart-strategy.type", "fixed-delay")
                .containsEntry("restart-strategy.fixed-delay.attempts", "5")
                .containsEntry("restart-strategy.fixed-delay.delay", "5 s")
                .containsEntry("execution.checkpointing.mode", "EXACTLY_ONCE")
                .containsEntry("execution.checkpointing.timeout", "1200 s")
                .containsEntry("execution.checkpointing.externalized-checkpoint-retention", "DELETE_ON_CANCELLATION")
                .containsEntry("execution.checkpointing.num-retained", "5")
                .containsEntry("state.backend.type", "rocksdb");
    }

    @Test
    void spec_lists_twelve_platform_owned_keys() {
        assertThat(p2Keys()).hasSize(12).contains("kubernetes.container.image", "env.java.opts",
                "taskmanager.numberOfTaskSlots", "jobmanager.memory.process.size");
    }

    @ParameterizedTest
    @MethodSource("p2Keys")
    void everyPlatformOwnedKeyIsRefusedAtItsLineWithAnAlternative(String key) {
        List<ConfigProblem> problems = validate("a.b: 1\n" + key + ": x\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains(key).contains("owned by the platform")
                    .containsAnyOf("Resources", "image", "env.java.opts.taskmanager");
        });
    }

    @Test
    void envJavaOptsPointsToTheAllowedPerProcessKeysWhichAreAccepted() {
        assertThat(validate("env.java.opts: -Xss2m")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("env.java.opts.taskmanager", "env.java.opts.jobmanager"));
        assertThat(validate("env.java.opts.taskmanager: -Xss2m\nenv.java.opts.jobmanager: -Xss2m")).isEmpty();
    }

    @Test
    void keysTheFormOwnsAreRefusedToo() {
        assertThat(validate("execution.runtime-mode: BATCH")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("runtime mode"));
        assertThat(validate("parallelism.default: 4")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("parallelism under Resources"));
    }

    @Test
    void syntaxErrorsCarryTheirLineNumbers() {
        String yaml = String.join("\n",
                "# comment",                       // 1
                "pipeline.max-parallelism: 128",   // 2
                "  nested: 1",                     // 3
                "no colon here",                   // 4
                "empty.value:",                    // 5
                "pipeline.max-parallelism: 256",   // 6 duplicate
                "- item",                          // 7
                "quoted: \"open",                  // 8
                "tab:\tvalue",                     // 9
                "good.key: 'quoted # not a comment'", // 10
                "key:value");                      // 11 no space after colon
        ParameterText.Parsed parsed = ParameterText.parse(yaml);
        assertThat(parsed.problems()).extracting(ParameterText.Problem::line).containsExactly(3, 4, 5, 6, 7, 8, 9, 11);
        assertThat(parsed.problems().get(3).message()).contains("already set on line 2");
        assertThat(parsed.entries()).containsEntry("good.key", "quoted # not a comment")
                .containsEntry("pipeline.max-parallelism", "128");
        assertThat(validate(yaml)).filteredOn(ConfigProblem::isError).extracting(ConfigProblem::line)
                .containsExactly(3, 4, 5, 6, 7, 8, 9, 11);
    }

    @Test
    void crlfAndTrailingCommentsParse() {
        ParameterText.Parsed parsed = ParameterText.parse("a.b: 1 # one\r\nc.d: two\r\n");
        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.entries()).containsExactly(java.util.Map.entry("a.b", "1"), java.util.Map.entry("c.d", "two"));
    }

    @Test
    void maxParallelismBoundsOfP4() {
        assertThat(validate("pipeline.max-parallelism: 16384", 4)).singleElement()
                .satisfies(p -> assertThat(p.isError()).isFalse()); // above 2048: a warning
        assertThat(validate("pipeline.max-parallelism: 2048", 4)).isEmpty();
        assertThat(validate("pipeline.max-parallelism: 16385", 4)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("at most 16384"));
        assertThat(validate("pipeline.max-parallelism: 8", 12)).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("largest operator parallelism of the job (12)");
        });
        assertThat(validate("pipeline.max-parallelism: 12", 12)).isEmpty();
        assertThat(validate("pipeline.max-parallelism: lots", 1)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("whole number"));
    }

    @Test
    void withoutAGraphTheDefaultParallelismIsTheLargest() {
        JobConfig config = JobConfig.defaults().withParameters("pipeline.max-parallelism: 4")
                .withResources(new JobResources(1, 1, 8));
        assertThat(validator.validate(config, ParameterValidator.Context.none())).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("(8)"));
    }

    @Test
    void raisingMaxParallelismOnAJobWithStateWarnsThatItMustStartFresh() {
        JobConfig config = JobConfig.defaults().withParameters("pipeline.max-parallelism: 256");
        assertThat(validator.validate(config, new ParameterValidator.Context(1, 128, true))).singleElement()
                .satisfies(p -> {
                    assertThat(p.isError()).isFalse();
                    assertThat(p.message()).contains("from 128 to 256", "start fresh");
                });
        assertThat(validator.validate(config, new ParameterValidator.Context(1, 128, false))).isEmpty();
        assertThat(validator.validate(config, new ParameterValidator.Context(1, 512, true))).isEmpty();
    }

    @Test
    void sizeLimits() {
        String huge = "a.b: " + "x".repeat(ParameterValidator.MAX_TEXT_CHARS);
        assertThat(validate(huge)).singleElement().satisfies(p -> assertThat(p.message()).contains("at most 65536 characters"));
        assertThat(validate("a.b: " + "x".repeat(ParameterValidator.MAX_VALUE_CHARS + 1))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("at most 4000"));
        assertThat(validate("a: 1\n".repeat(ParameterValidator.MAX_LINES + 1))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("lines"));
    }

    @Test
    void resourceSpecsMustBeOfferedSizes() {
        JobConfig bad = JobConfig.defaults().withResources(new JobResources(3, 0.3, 0));
        assertThat(validator.validate(bad, ParameterValidator.Context.none())).extracting(ConfigProblem::message)
                .anySatisfy(m -> assertThat(m).contains("JobManager spec"))
                .anySatisfy(m -> assertThat(m).contains("TaskManager spec"))
                .anySatisfy(m -> assertThat(m).contains("default parallelism"));
    }
}
