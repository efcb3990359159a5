package io.streamdesk.service.metrics;

/** Data skew of a vertex (MO2): standard deviation / mean of its subtasks' input rates. */
public final class DataSkew {
    private DataSkew() {
    }

    /**
     * Population standard deviation over mean of the values that are numbers; 0 when the mean is 0 (nothing flows,
     * nothing is skewed), NaN when there is no value.
     */
    public static double coefficient(double[] values) {
        if (values == null) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double mean = sum / n;
        if (mean == 0) {
            return 0;
        }
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return Math.sqrt(squares / n) / mean;
    }
}
