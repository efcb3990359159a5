package io.streamdesk.bench;

import io.streamdesk.ui.monitoring.ChartData;
import io.streamdesk.ui.monitoring.LineChartCanvas;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * MO5: one chart with 10 series x 10,080 points (7 days at 1 minute), 1200 x 400 px. Times the drawing calls, and
 * drawing plus rasterizing (a snapshot forces the canvas to render), and a pan step. Prints the medians of 21 runs.
 * Runs on Monocle headless with the software pipeline (the slowest one). Usage: bench/chart-draw.sh
 */
public final class ChartDrawBenchmark {
    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        long end = System.currentTimeMillis();
        long start = end - 7L * 86_400_000;
        List<ChartData.Line> lines = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            long[] x = new long[10_080];
            double[] y = new double[10_080];
            for (int i = 0; i < x.length; i++) {
                x[i] = start + i * 60_000L;
                y[i] = 1000 + 400 * Math.sin(i / 229.0 + s) + 80 * Math.sin(i * 0.7 * (s + 1));
            }
            lines.add(new ChartData.Line("series " + s, x, y));
        }
        ChartData data = new ChartData("10 x 10,080", "/s", lines, "");
        AtomicReference<String> out = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            LineChartCanvas chart = new LineChartCanvas();
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(chart), 1200, 400));
            stage.show();
            chart.setGap(180_001);
            chart.setData(data, start, end);
            ChartData emptyData = new ChartData("empty", "", List.of(), "no data");
            chart.setData(emptyData, start, end);
            long[] empty = new long[11];
            for (int r = 0; r < empty.length; r++) {
                long e0 = System.nanoTime();
                chart.draw();
                chart.snapshot(null, null);
                empty[r] = System.nanoTime() - e0;
            }
            chart.setData(data, start, end);
            long[] draw = new long[21];
            long[] drawAndRender = new long[21];
            long[] pan = new long[21];
            for (int r = 0; r < 21; r++) {
                long t0 = System.nanoTime();
                chart.draw();
                draw[r] = System.nanoTime() - t0;
                long t1 = System.nanoTime();
                chart.draw();
                chart.snapshot(null, null);
                drawAndRender[r] = System.nanoTime() - t1;
                long t2 = System.nanoTime();
                chart.setView(start + r * 3_600_000L, end - (20 - r) * 3_600_000L);
                pan[r] = System.nanoTime() - t2;
            }
            System.out.printf("chart baseline: empty chart draw + render median %.1f ms%n", median(empty));
            out.set(String.format("chart 10 series x 10,080 points, 1200x400: draw median %.1f ms; draw + render median %.1f ms; "
                            + "pan step median %.1f ms (21 runs each)", median(draw), median(drawAndRender), median(pan)));
            stage.close();
            done.countDown();
        });
        done.await();
        System.out.println(out.get());
        Platform.exit();
    }

    private static double median(long[] nanos) {
        long[] c = nanos.clone();
        Arrays.sort(c);
        return c[c.length / 2] / 1e6;
    }
}
