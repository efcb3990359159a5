package io.streamdesk.model.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RollupsTest {
    private static final long MIN = 60_000;

    @Test
    void minMaxAvgLastPerBucket() {
        List<MetricPoint> points = Rollups.rollup(new long[]{0, 15_000, 30_000, 45_000, 60_000},
                new double[]{4, 2, 6, 8, 10}, MIN, MetricKind.GAUGE, Double.NaN);

        assertThat(points).hasSize(2);
        MetricPoint first = points.get(0);
        assertThat(first.timestamp()).isEqualTo(0);
        assertThat(first.min()).isEqualTo(2);
        assertThat(first.max()).isEqualTo(8);
        assertThat(first.avg()).isCloseTo(5, within(1e-9));
        assertThat(first.last()).isEqualTo(8);
        assertThat(first.count()).isEqualTo(4);
        assertThat(points.get(1)).isEqualTo(new MetricPoint(60_000, 10, 10, 10, 10, 1, 0));
    }

    @Test
    void aGapStaysAGapNotAZero() {
        List<MetricPoint> points = Rollups.rollup(new long[]{10_000, 4 * MIN + 5_000},
                new double[]{1, 3}, MIN, MetricKind.GAUGE, Double.NaN);

        assertThat(points).extracting(MetricPoint::timestamp).containsExactly(0L, 4 * MIN);
    }

    @Test
    void outOfOrderSamplesGiveTheSameRollupAsOrderedOnes() {
        long[] ordered = {1_000, 20_000, 40_000, 61_000, 75_000};
        double[] values = {1, 5, 3, 7, 2};
        long[] shuffled = {61_000, 1_000, 75_000, 40_000, 20_000};
        double[] shuffledValues = {7, 1, 2, 3, 5};

        List<MetricPoint> a = Rollups.rollup(ordered, values, MIN, MetricKind.COUNTER, Double.NaN);
        List<MetricPoint> b = Rollups.rollup(shuffled, shuffledValues, MIN, MetricKind.COUNTER, Double.NaN);

        assertThat(b).isEqualTo(a);
        assertThat(a.get(0).last()).as("last means newest in time, not last to arrive").isEqualTo(3);
    }

    @Test
    void counterResetCountsTheNewValueAsIncrease() {
        // 100 -> 130 (+30), then the job restarts: 5 (+5 from zero), 25 (+20)
        List<MetricPoint> points = Rollups.rollup(new long[]{0, 15_000, 30_000, 45_000},
                new double[]{100, 130, 5, 25}, MIN, MetricKind.COUNTER, 90);

        assertThat(points).hasSize(1);
        assertThat(points.get(0).increase()).isEqualTo(10 + 30 + 5 + 20);
        assertThat(points.get(0).min()).isEqualTo(5);
    }

    @Test
    void counterIncreaseCarriesAcrossBucketsAndStartsWithoutAPreviousValue() {
        List<MetricPoint> points = Rollups.rollup(new long[]{0, 30_000, 60_000, 90_000},
                new double[]{10, 12, 20, 21}, MIN, MetricKind.COUNTER, Double.NaN);

        assertThat(points).extracting(MetricPoint::increase).containsExactly(2.0, 9.0);
    }

    @Test
    void gaugesHaveNoIncreaseAndNaNIsSkipped() {
        List<MetricPoint> points = Rollups.rollup(new long[]{0, 1_000, 2_000},
                new double[]{1, Double.NaN, 3}, MIN, MetricKind.GAUGE, 0);

        assertThat(points.get(0).count()).isEqualTo(2);
        assertThat(points.get(0).increase()).isZero();
    }

    @Test
    void aDuplicateTimestampKeepsTheLaterValue() {
        List<MetricPoint> points = Rollups.rollup(new long[]{0, 0}, new double[]{1, 9}, MIN, MetricKind.GAUGE, Double.NaN);

        assertThat(points.get(0).count()).isEqualTo(1);
        assertThat(points.get(0).last()).isEqualTo(9);
    }
}
