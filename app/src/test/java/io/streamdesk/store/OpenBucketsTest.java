package io.streamdesk.store;

import io.streamdesk.model.metrics.MetricKind;
import io.streamdesk.model.metrics.MetricPoint;
import io.streamdesk.model.metrics.Rollups;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory open buckets must give the very points Rollups computes from the raw samples. */
class OpenBucketsTest {
    private static final long MIN = 60_000;
    private static final long FIVE = 300_000;

    @Test
    void bucketsBuiltSampleBySampleEqualTheRecomputedOnesForGaugesAndCountersWithResets() {
        Random random = new Random(42);
        for (MetricKind kind : MetricKind.values()) {
            for (int run = 0; run < 50; run++) {
                int n = 1 + random.nextInt(60);
                long[] ts = new long[n];
                double[] values = new double[n];
                long t = 1_000_000_000L + random.nextInt(600_000);
                double v = random.nextDouble() * 100;
                for (int i = 0; i < n; i++) {
                    t += 1 + random.nextInt(40_000);
                    v = random.nextInt(10) == 0 ? random.nextDouble() * 5 : v + random.nextDouble() * 10; // resets now and then
                    ts[i] = t;
                    values[i] = kind == MetricKind.GAUGE ? random.nextGaussian() * 1e3 : v;
                }
                double previous = random.nextBoolean() ? Double.NaN : 3.5;
                OpenBuckets fed = OpenBuckets.rebuild(new long[]{ts[0]}, new double[]{values[0]}, previous, kind, MIN, FIVE);
                for (int i = 1; i < n; i++) {
                    assertThat(fed.takes(ts[i])).isTrue();
                    fed.add(ts[i], values[i]);
                }
                OpenBuckets rebuilt = OpenBuckets.rebuild(ts, values, previous, kind, MIN, FIVE);

                MetricPoint lastMinute = last(Rollups.rollup(ts, values, MIN, kind, previous));
                MetricPoint lastFive = last(Rollups.rollup(ts, values, FIVE, kind, previous));
                assertThat(fed.oneMinute()).isEqualTo(lastMinute);
                assertThat(fed.fiveMinutes()).isEqualTo(lastFive);
                assertThat(rebuilt.oneMinute()).isEqualTo(lastMinute);
                assertThat(rebuilt.fiveMinutes()).isEqualTo(lastFive);
                assertThat(fed.takes(ts[n - 1])).as("a repeated time is not in order").isFalse();
            }
        }
    }

    @Test
    void writtenStateReadsBackAndContinuesTheSame() {
        long[] ts = {60_000, 75_000, 90_000};
        double[] values = {10, 4, 6};
        OpenBuckets state = OpenBuckets.rebuild(ts, values, 12, MetricKind.COUNTER, MIN, FIVE);
        ByteBuffer buffer = ByteBuffer.allocate(OpenBuckets.BYTES);
        state.write(77, buffer);
        buffer.flip();

        assertThat(buffer.getLong()).isEqualTo(77);
        OpenBuckets read = OpenBuckets.read(buffer, MIN, FIVE);
        read.add(105_000, 9);
        state.add(105_000, 9);

        assertThat(read.oneMinute()).isEqualTo(state.oneMinute());
        assertThat(read.fiveMinutes()).isEqualTo(state.fiveMinutes());
        assertThat(read.newest()).isEqualTo(105_000);
        assertThat(read.oneMinute().increase()).as("12 -> 10 reset (10), -> 4 reset (4), +2, +3").isEqualTo(19);
    }

    private static MetricPoint last(List<MetricPoint> points) {
        return points.get(points.size() - 1);
    }
}
