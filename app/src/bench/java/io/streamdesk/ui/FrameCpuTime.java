package io.streamdesk.ui;

import io.streamdesk.ui.editor.HighlightBenchmark;
import io.streamdesk.ui.jobs.JobListFilterBenchmark;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The per-frame figures of issue 14 ({@link HighlightBenchmark}, {@link JobListFilterBenchmark}) timed call by call in
 * wall time and in the thread's own CPU time, as CompletionCpuTime does for completion: on a shared machine (load far
 * above its cores) the wall-time tail is mostly waiting for a core; the CPU-time tail is what the FX thread spends when
 * it has one. Usage: {@code java -cp ... io.streamdesk.ui.FrameCpuTime [calls]}.
 */
public final class FrameCpuTime {
    private FrameCpuTime() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 4_000;
        HighlightBenchmark h = new HighlightBenchmark();
        h.setUp();
        time("HighlightBenchmark.quoteAtTop", calls, h::quoteAtTop);
        time("HighlightBenchmark.quoteAtTopAllRestyled", calls / 4, h::quoteAtTopAllRestyled);
        time("HighlightBenchmark.keystrokeThenRehighlight", calls * 5, h::keystrokeThenRehighlight);
        JobListFilterBenchmark f = new JobListFilterBenchmark();
        f.setUp();
        time("JobListFilterBenchmark.filterKeystroke", calls * 5, f::filterKeystroke);
    }

    private static void time(String name, int calls, Supplier<Object> call) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < calls / 2; i++) { // warm-up
            call.get();
        }
        long[] wall = new long[calls];
        long[] cpu = new long[calls];
        for (int i = 0; i < calls; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            call.get();
            wall[i] = System.nanoTime() - w0;
            cpu[i] = mx.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(java.util.Locale.ROOT,
                "cputime %-44s %6d calls  wall p50 %.3f p99 %.3f ms   cpu p50 %.3f p99 %.3f ms%n",
                name, calls, ms(wall, 0.50), ms(wall, 0.99), ms(cpu, 0.50), ms(cpu, 0.99));
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
