package io.streamdesk.store;

import io.streamdesk.model.metrics.MetricPoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollupBlockTest {
    private static final long HOUR = 3_600_000;
    private static final long MIN = 60_000;
    private static final long BLOCK = 1_000 * HOUR;

    @Test
    void packedPointsReadBackBitForBitWithGapsKept() {
        List<MetricPoint> points = List.of(
                new MetricPoint(BLOCK, 1.5, 2.25, 1.875, 2.0, 4, 0.1 + 0.2),
                new MetricPoint(BLOCK + 7 * MIN, -3, Double.MAX_VALUE, 1e300, -0.0, 1, 0),
                new MetricPoint(BLOCK + 59 * MIN, 0, 0, 0, 0, 2, 17));

        byte[] data = RollupBlock.encode(points, BLOCK, MIN);

        assertThat(RollupBlock.size(data)).isEqualTo(3);
        assertThat(RollupBlock.decodeAll(data, BLOCK, MIN)).isEqualTo(points);
    }

    @Test
    void decodeKeepsOnlyTheAskedRange() {
        List<MetricPoint> points = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            points.add(MetricPoint.raw(BLOCK + i * MIN, i));
        }
        List<MetricPoint> out = new ArrayList<>();
        RollupBlock.decode(RollupBlock.encode(points, BLOCK, MIN), BLOCK, MIN, BLOCK + 10 * MIN, BLOCK + 12 * MIN, out);

        assertThat(out).extracting(MetricPoint::last).containsExactly(10.0, 11.0);
    }

    @Test
    void aPointOutsideItsBlockOrOffTheBucketGridIsRefused() {
        assertThatThrownBy(() -> RollupBlock.encode(List.of(MetricPoint.raw(BLOCK - MIN, 1)), BLOCK, MIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RollupBlock.encode(List.of(MetricPoint.raw(BLOCK + 1, 1)), BLOCK, MIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RollupBlock.decodeAll(new byte[]{9, 0, 0}, BLOCK, MIN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("version 9");
    }

    @Test
    void overlayLetsTheNewerPointWinAndKeepsTimeOrder() {
        List<MetricPoint> older = List.of(MetricPoint.raw(0, 1), MetricPoint.raw(MIN, 2), MetricPoint.raw(3 * MIN, 4));
        List<MetricPoint> newer = List.of(MetricPoint.raw(MIN, 20), MetricPoint.raw(2 * MIN, 30));

        assertThat(RollupBlock.overlay(older, newer)).extracting(MetricPoint::last).containsExactly(1.0, 20.0, 30.0, 4.0);
    }
}
