package io.streamdesk.flink.config;

import io.streamdesk.model.JobConfig;
import io.streamdesk.service.jobconfig.ConfigProblem;
import io.streamdesk.service.jobconfig.ParameterValidator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The parameters editor validates on every keystroke: a 200-line parameter text of keys Flink knows (each value read
 * with Flink's own conversion; one in ten is bad), with the option catalog built. Sample mode: read p0.99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class ParameterValidationBenchmark {
    private ParameterValidator validator;
    private JobConfig config;

    @Setup
    public void setUp() {
        FlinkConfigOptionCatalog catalog = new FlinkConfigOptionCatalog();
        catalog.awaitReady();
        validator = new ParameterValidator(catalog);
        StringBuilder text = new StringBuilder();
        int lines = 0;
        int bad = 0;
        Map<String, FlinkConfigOptionCatalog.Known> known = FlinkConfigOptionCatalog.build(
                FlinkConfigOptionCatalog.OPTION_CLASSES);
        for (Map.Entry<String, FlinkConfigOptionCatalog.Known> e : new java.util.TreeMap<>(known).entrySet()) {
            String value = goodValue(e.getValue());
            if (value == null || lines == 200 || io.streamdesk.service.jobconfig.PlatformOwnedKeys.refusal(e.getKey())
                    .isPresent() || e.getKey().equals(ParameterValidator.MAX_PARALLELISM_KEY)) {
                continue;
            }
            boolean makeBad = lines % 10 == 0 && !e.getValue().type().equals("String");
            text.append(e.getKey()).append(": ").append(makeBad ? "not-a-value" : value).append('\n');
            bad += makeBad ? 1 : 0;
            lines++;
        }
        config = JobConfig.defaults().withParameters(text.toString());
        List<ConfigProblem> problems = validate();
        System.out.printf("%n%d lines, %d bad values, %d problems found%n", lines, bad, problems.size());
    }

    private static String goodValue(FlinkConfigOptionCatalog.Known k) {
        if (!k.allowed().isEmpty()) {
            return k.allowed().get(0);
        }
        return switch (k.type()) {
            case "Integer", "Long" -> "5";
            case "Double", "Float" -> "0.5";
            case "Boolean" -> "true";
            case "Duration" -> "5 s";
            case "MemorySize" -> "64 mb";
            case "String" -> "some-text";
            default -> null;
        };
    }

    @Benchmark
    public List<ConfigProblem> validate() {
        return validator.validate(config, ParameterValidator.Context.none());
    }

}
