package io.streamdesk.model.sql.completion;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The same requests as {@link CompletionBenchmark}, timed one by one in wall time and in the thread's own CPU time.
 * On a shared machine (load far above its cores) the wall-time tail is mostly waiting for a core; the CPU-time tail
 * is what a request costs when it has one. Usage: {@code java -cp ... CompletionCpuTime [requests]}.
 */
public final class CompletionCpuTime {
    private CompletionCpuTime() {
    }

    public static void main(String[] args) {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] scenarios = {"fromPrefix", "fromEmpty", "threePart", "selectColumns", "aliasColumn", "whereColumns",
                "withOptions", "keyword"};
        for (String scenario : scenarios) {
            CompletionBenchmark b = new CompletionBenchmark();
            b.scenario = scenario;
            b.setUp();
            for (int i = 0; i < requests / 2; i++) { // warm-up
                b.complete();
            }
            long[] wall = new long[requests];
            long[] cpu = new long[requests];
            for (int i = 0; i < requests; i++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                b.complete();
                wall[i] = System.nanoTime() - w0;
                cpu[i] = mx.getCurrentThreadCpuTime() - c0;
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            System.out.printf("%-14s %d requests  wall p50 %.3f p99 %.3f ms   cpu p50 %.3f p99 %.3f p99.9 %.3f ms%n",
                    scenario, requests, ms(wall, 0.50), ms(wall, 0.99), ms(cpu, 0.50), ms(cpu, 0.99), ms(cpu, 0.999));
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
