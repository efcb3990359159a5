package io.streamdesk.ui.compare;

import io.streamdesk.service.compare.TextComparer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * The comparison of {@link DiffBenchmark#compare} in a warm JVM, one call per line read from stdin, so that
 * bench/diff.sh can alternate it with GNU diff on the same files in the same run (a loaded machine changes from
 * minute to minute; a JMH run and a diff loop minutes apart do not measure under the same load). Prints "ready" after
 * the warm-up, then per line "wall_ns cpu_ns" of one comparison.
 */
public final class DiffAlternating {
    private DiffAlternating() {
    }

    public static void main(String[] args) throws Exception {
        String[] t = DiffBenchData.texts();
        for (int i = 0; i < 500; i++) {
            TextComparer.compare(t[0], t[1]);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println("ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            TextComparer.compare(t[0], t[1]);
            long wall = System.nanoTime() - w0;
            System.out.println(wall + " " + (mx.getCurrentThreadCpuTime() - c0));
            System.out.flush();
        }
    }
}
