package io.streamdesk.ui.compare;

import io.streamdesk.service.compare.TextComparer;
import io.streamdesk.service.compare.TextComparison;
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
 * V5: comparing two 10,000-line versions (5% of lines differ, spread out). {@code compare} is the model: line
 * alignment plus inline character ranges of every changed line. {@code compareAndRender} adds what the window
 * builds before showing it (both sides' text, SQL highlighting, inline overlays), still off the FX thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class DiffBenchmark {
    private String left;
    private String right;

    @Setup
    public void setUp() {
        String[] t = DiffBenchData.texts();
        left = t[0];
        right = t[1];
        TextComparison c = TextComparer.compare(left, right);
        if (c.changeCount() < 400) {
            throw new IllegalStateException("expected about 500 changes, got " + c.changeCount());
        }
    }

    @Benchmark
    public TextComparison compare() {
        return TextComparer.compare(left, right);
    }

    @Benchmark
    public Object compareAndRender() {
        TextComparison c = TextComparer.compare(left, right);
        return new Object[] {SideContent.left(c), SideContent.right(c)};
    }
}
