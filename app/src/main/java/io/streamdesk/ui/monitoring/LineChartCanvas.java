package io.streamdesk.ui.monitoring;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A line chart drawn on one {@link Canvas} (MO2, MO5): no node per point. Dense series are reduced to the min and
 * max of each pixel column before drawing, so 10 series of 10,080 points cost a few thousand line segments. Drag
 * pans, the wheel zooms around the pointer, a double click resets; hovering shows a crosshair and the time and
 * values of the nearest points in one label. A gap longer than {@link #setGap} breaks a line.
 */
public final class LineChartCanvas extends Region {
    static final Color[] PALETTE = {
            Color.web("#3b82f6"), Color.web("#f59e0b"), Color.web("#10b981"), Color.web("#ef4444"),
            Color.web("#8b5cf6"), Color.web("#06b6d4"), Color.web("#ec4899"), Color.web("#84cc16"),
            Color.web("#f97316"), Color.web("#64748b")};
    private static final double LEFT = 64;
    private static final double RIGHT = 12;
    private static final double TOP = 40;
    private static final double BOTTOM = 24;
    private static final Font SMALL = Font.font(11);
    private static final Font TITLE = Font.font(null, javafx.scene.text.FontWeight.BOLD, 12);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE MM-dd").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY_HOUR = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TOOLTIP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Canvas canvas = new Canvas();
    private final Label tooltip = new Label();
    private ChartData data = new ChartData("", "", List.of(), "");
    private long fullFrom;
    private long fullTo = 1;
    private long viewFrom;
    private long viewTo = 1;
    private long gap = Long.MAX_VALUE;
    private Color textColor = Color.web("#6b7280");
    private double dragX = Double.NaN;
    private long dragFrom;
    private long dragTo;
    private double hoverX = Double.NaN;
    private Consumer<long[]> onViewChanged = v -> { };
    private long lastDrawNanos;

    public LineChartCanvas() {
        getStyleClass().add("line-chart-canvas");
        getChildren().addAll(canvas, tooltip);
        tooltip.getStyleClass().add("chart-tooltip");
        tooltip.setVisible(false);
        tooltip.setMouseTransparent(true);
        tooltip.setManaged(false);
        setMinSize(200, 140);
        setPrefSize(480, 220);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragX = Double.NaN);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(Double.NaN));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                setView(fullFrom, fullTo);
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        // axis and label color follow the theme through the tooltip label's CSS text fill
        tooltip.textFillProperty().addListener((o, a, fill) -> {
            if (fill instanceof Color c) {
                textColor = c.deriveColor(0, 1, 1, 0.8);
                draw();
            }
        });
    }

    /** Shows {@code newData} over {@code [from, to)}; keeps a zoomed view when it still lies inside the range. */
    public void setData(ChartData newData, long from, long to) {
        boolean zoomed = viewFrom != fullFrom || viewTo != fullTo;
        long span = viewTo - viewFrom;
        boolean followNow = viewTo == fullTo;
        if (newData.lines().size() != data.lines().size() || !newData.title().equals(data.title())) {
            hoverX = Double.NaN; // another chart now: the old crosshair would be meaningless
        }
        this.data = newData;
        this.fullFrom = from;
        this.fullTo = Math.max(to, from + 1);
        if (!zoomed || viewFrom < from || span >= fullTo - fullFrom) {
            viewFrom = fullFrom;
            viewTo = fullTo;
        } else if (followNow) {
            viewTo = fullTo;
            viewFrom = fullTo - span;
        }
        draw();
    }

    /** Points further apart than this are not joined (a sampler that was not running). */
    public void setGap(long gapMillis) {
        this.gap = gapMillis <= 0 ? Long.MAX_VALUE : gapMillis;
    }

    public void setTextColor(Color color) {
        this.textColor = color;
        draw();
    }

    /** Called with {from, to} after the user panned or zoomed. */
    public void setOnViewChanged(Consumer<long[]> listener) {
        this.onViewChanged = listener;
    }

    public ChartData data() {
        return data;
    }

    public long viewFrom() {
        return viewFrom;
    }

    public long viewTo() {
        return viewTo;
    }

    /** How long the last full redraw took, for the benchmark. */
    public long lastDrawNanos() {
        return lastDrawNanos;
    }

    public void setView(long from, long to) {
        long min = 60_000;
        if (to - from < min) {
            long mid = (from + to) / 2;
            from = mid - min / 2;
            to = mid + min / 2;
        }
        viewFrom = Math.max(fullFrom, from);
        viewTo = Math.min(fullTo, to);
        if (viewTo <= viewFrom) {
            viewFrom = fullFrom;
            viewTo = fullTo;
        }
        draw();
        onViewChanged.accept(new long[]{viewFrom, viewTo});
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
        tooltip.autosize();
    }

    // ---------------------------------------------------------------- drawing

    /** Redraws everything; cheap enough to call on every mouse move. */
    public void draw() {
        long t0 = System.nanoTime();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) {
            return;
        }
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        g.setFont(TITLE);
        g.setFill(textColor);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(data.title(), 8, 4);
        drawLegend(g, w);
        if (data.isEmpty()) {
            g.setFont(SMALL);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            List<String> lines = wrap(data.emptyMessage() == null ? "No data" : data.emptyMessage(), SMALL, plotW - 20);
            double lineH = SMALL.getSize() * 1.4;
            double y0 = TOP + plotH / 2 - (lines.size() - 1) * lineH / 2;
            for (int i = 0; i < lines.size(); i++) {
                g.fillText(lines.get(i), w / 2, y0 + i * lineH, plotW - 20);
            }
            lastDrawNanos = System.nanoTime() - t0;
            return;
        }
        double[] yRange = yRange();
        drawAxes(g, plotW, plotH, yRange);
        if (visiblePoints() > RASTER_THRESHOLD * plotW) {
            rasterLines(g, plotW, plotH, yRange);
        } else {
            g.save();
            g.beginPath();
            g.rect(LEFT, TOP, plotW, plotH);
            g.clip();
            g.setLineWidth(1.4);
            for (int i = 0; i < data.lines().size(); i++) {
                g.setStroke(PALETTE[i % PALETTE.length]);
                drawLine(g, data.lines().get(i), plotW, plotH, yRange);
            }
            g.restore();
        }
        drawHover(g, plotW, plotH, yRange);
        lastDrawNanos = System.nanoTime() - t0;
    }

    private void drawLegend(GraphicsContext g, double w) {
        g.setFont(SMALL);
        g.setTextBaseline(VPos.CENTER);
        double x = 8;
        double y = 26;
        for (int i = 0; i < data.lines().size() && i < 12; i++) {
            String name = data.lines().get(i).name();
            g.setFill(PALETTE[i % PALETTE.length]);
            g.fillRect(x, y - 4, 10, 8);
            g.setFill(textColor);
            g.fillText(name, x + 14, y);
            x += 24 + name.length() * 6.2;
            if (x > w - 80) {
                break;
            }
        }
    }

    private double[] yRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartData.Line line : data.lines()) {
            int from = lowerBound(line.x(), viewFrom);
            int to = lowerBound(line.x(), viewTo + 1);
            for (int i = Math.max(0, from - 1); i < Math.min(line.size(), to + 1); i++) {
                double v = line.y()[i];
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return new double[]{0, 1};
        }
        if (min >= 0) {
            min = 0; // rates, sizes, counts: start at zero so the eye reads proportions right
        }
        if (max - min < 1e-9) {
            max = min + Math.max(1, Math.abs(min) * 0.1);
        }
        double step = niceStep((max - min) / 4);
        return new double[]{Math.floor(min / step) * step, Math.ceil(max / step) * step};
    }

    static double niceStep(double raw) {
        double exp = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / exp;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * exp;
    }

    private void drawAxes(GraphicsContext g, double plotW, double plotH, double[] yRange) {
        g.setLineWidth(1);
        g.setStroke(textColor.deriveColor(0, 1, 1, 0.25));
        g.setFill(textColor);
        g.setFont(SMALL);
        double step = niceStep((yRange[1] - yRange[0]) / 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v = yRange[0]; v <= yRange[1] + step / 2; v += step) {
            double y = yPx(v, plotH, yRange);
            g.strokeLine(LEFT, y, LEFT + plotW, y);
            g.fillText(ValueFormat.format(v, data.unit()), LEFT - 6, y);
        }
        long span = viewTo - viewFrom;
        long[] steps = {60_000, 300_000, 900_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000,
                86_400_000, 172_800_000};
        boolean days = span > 86_400_000L;
        // labels need ~60 px (HH:mm) or ~80 px (MM-dd HH:mm) each
        long maxTicks = Math.max(2, (long) (plotW / (days ? 90 : 60)));
        long tStep = steps[steps.length - 1];
        for (long s : steps) {
            if (span / s <= maxTicks) {
                tStep = s;
                break;
            }
        }
        long offset = ZoneId.systemDefault().getRules().getOffset(Instant.ofEpochMilli(viewFrom)).getTotalSeconds() * 1000L;
        long first = Math.floorDiv(viewFrom + offset, tStep) * tStep - offset + tStep;
        DateTimeFormatter fmt = tStep >= 86_400_000L ? DAY : days ? DAY_HOUR : HOUR_MINUTE;
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (long t = first; t < viewTo; t += tStep) {
            double x = xPx(t, plotW);
            g.strokeLine(x, TOP, x, TOP + plotH);
            g.fillText(fmt.format(Instant.ofEpochMilli(t)), x, TOP + plotH + 4);
        }
        g.setStroke(textColor.deriveColor(0, 1, 1, 0.6));
        g.strokeLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
    }

    /**
     * Above this many visible points per pixel of width, lines are rasterized into pixels instead of stroked as
     * paths: stroking tens of thousands of antialiased segments costs about a second in the software pipeline,
     * setting pixels a few milliseconds. Sparse charts keep the smoother antialiased paths.
     */
    private static final int RASTER_THRESHOLD = 2;
    private WritableImage raster;
    private int[] pixels;

    private int visiblePoints() {
        int n = 0;
        for (ChartData.Line line : data.lines()) {
            n += lowerBound(line.x(), viewTo + 1) - lowerBound(line.x(), viewFrom);
        }
        return n;
    }

    /**
     * Draws every line into an ARGB pixel buffer, 2 px wide: per pixel column the span from the previous column's
     * last value through this column's min and max, Bresenham segments between columns further apart, nothing
     * across a gap. Then one image goes onto the canvas.
     */
    private void rasterLines(GraphicsContext g, double plotW, double plotH, double[] yRange) {
        int w = (int) Math.ceil(plotW);
        int h = (int) Math.ceil(plotH);
        if (raster == null || raster.getWidth() != w || raster.getHeight() != h) {
            raster = new WritableImage(w, h);
            pixels = new int[w * h];
        } else {
            java.util.Arrays.fill(pixels, 0);
        }
        for (int li = 0; li < data.lines().size(); li++) {
            Color c = PALETTE[li % PALETTE.length];
            int argb = 0xFF000000 | ((int) (c.getRed() * 255) << 16) | ((int) (c.getGreen() * 255) << 8) | (int) (c.getBlue() * 255);
            ChartData.Line line = data.lines().get(li);
            long[] xs = line.x();
            double[] ys = line.y();
            int from = Math.max(0, lowerBound(xs, viewFrom) - 1);
            int to = Math.min(xs.length, lowerBound(xs, viewTo + 1) + 1);
            int prevCol = Integer.MIN_VALUE;
            int prevY = 0;
            long prevT = Long.MIN_VALUE;
            for (int i = from; i < to; i++) {
                double v = ys[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                int col = (int) ((double) (xs[i] - viewFrom) / (viewTo - viewFrom) * plotW);
                int y = (int) (plotH - (v - yRange[0]) / (yRange[1] - yRange[0]) * plotH);
                boolean broken = prevT != Long.MIN_VALUE && xs[i] - prevT > gap;
                if (prevCol == Integer.MIN_VALUE || broken) {
                    plot(col, y, y, w, h, argb);
                } else if (col - prevCol <= 1) {
                    plot(col, Math.min(prevY, y), Math.max(prevY, y), w, h, argb);
                } else {
                    segment(prevCol, prevY, col, y, w, h, argb);
                }
                prevCol = col;
                prevY = y;
                prevT = xs[i];
            }
        }
        raster.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), pixels, 0, w);
        g.drawImage(raster, LEFT, TOP);
    }

    /** A vertical span in column {@code x} (and x + 1, for a 2 px line). */
    private void plot(int x, int y0, int y1, int w, int h, int argb) {
        int top = Math.max(0, y0 - 1);
        int bottom = Math.min(h - 1, y1);
        for (int cx = x; cx <= x + 1; cx++) {
            if (cx < 0 || cx >= w) {
                continue;
            }
            for (int y = top; y <= bottom; y++) {
                pixels[y * w + cx] = argb;
            }
        }
    }

    /** Bresenham between two columns further apart than one pixel. */
    private void segment(int x0, int y0, int x1, int y1, int w, int h, int argb) {
        int dx = Math.abs(x1 - x0);
        int dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        int x = x0;
        int y = y0;
        for (int steps = 0; steps < 100_000; steps++) {
            plot(x, y, y, w, h, argb);
            if (x == x1 && y == y1) {
                return;
            }
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y += sy;
            }
        }
    }

    /**
     * Draws a line with at most ~4 vertices per pixel column: first, min, max and last value of the column, which
     * keeps spikes visible however many points fall into one pixel.
     */
    private void drawLine(GraphicsContext g, ChartData.Line line, double plotW, double plotH, double[] yRange) {
        long[] xs = line.x();
        double[] ys = line.y();
        int from = Math.max(0, lowerBound(xs, viewFrom) - 1);
        int to = Math.min(xs.length, lowerBound(xs, viewTo + 1) + 1);
        if (to - from <= 0) {
            return;
        }
        g.beginPath();
        boolean open = false;
        long prevT = Long.MIN_VALUE;
        int column = Integer.MIN_VALUE;
        double colMin = 0;
        double colMax = 0;
        double colLast = 0;
        for (int i = from; i < to; i++) {
            double v = ys[i];
            if (Double.isNaN(v)) {
                continue;
            }
            long t = xs[i];
            double x = xPx(t, plotW);
            int col = (int) x;
            boolean broken = prevT != Long.MIN_VALUE && t - prevT > gap;
            prevT = t;
            if (open && (col != column || broken)) {
                flushColumn(g, column, colMin, colMax, colLast, plotH, yRange);
            }
            if (!open || broken) {
                g.moveTo(x, yPx(v, plotH, yRange));
                open = true;
                column = col;
                colMin = colMax = colLast = v;
                continue;
            }
            if (col != column) {
                g.lineTo(x, yPx(v, plotH, yRange));
                column = col;
                colMin = colMax = colLast = v;
            } else {
                colMin = Math.min(colMin, v);
                colMax = Math.max(colMax, v);
                colLast = v;
            }
        }
        if (open) {
            flushColumn(g, column, colMin, colMax, colLast, plotH, yRange);
        }
        g.stroke();
    }

    private void flushColumn(GraphicsContext g, int column, double min, double max, double last, double plotH,
                             double[] yRange) {
        if (max > min) {
            g.lineTo(column + 0.5, yPx(min, plotH, yRange));
            g.lineTo(column + 0.5, yPx(max, plotH, yRange));
            g.lineTo(column + 0.5, yPx(last, plotH, yRange));
        }
    }

    private void drawHover(GraphicsContext g, double plotW, double plotH, double[] yRange) {
        if (Double.isNaN(hoverX) || hoverX < LEFT || hoverX > LEFT + plotW) {
            tooltip.setVisible(false);
            return;
        }
        long t = viewFrom + (long) ((hoverX - LEFT) / plotW * (viewTo - viewFrom));
        g.setStroke(textColor.deriveColor(0, 1, 1, 0.5));
        g.setLineWidth(1);
        g.strokeLine(hoverX, TOP, hoverX, TOP + plotH);
        StringBuilder text = new StringBuilder();
        long shownTime = Long.MIN_VALUE;
        List<String> values = new ArrayList<>();
        for (int i = 0; i < data.lines().size(); i++) {
            ChartData.Line line = data.lines().get(i);
            int k = nearest(line.x(), t);
            if (k < 0 || Math.abs(line.x()[k] - t) > Math.max(gap, (viewTo - viewFrom) / 50)) {
                continue;
            }
            if (shownTime == Long.MIN_VALUE) {
                shownTime = line.x()[k];
            }
            values.add(line.name() + ": " + ValueFormat.format(line.y()[k], data.unit()));
            g.setFill(PALETTE[i % PALETTE.length]);
            double px = xPx(line.x()[k], plotW);
            double py = yPx(line.y()[k], plotH, yRange);
            g.fillOval(px - 3, py - 3, 6, 6);
        }
        if (values.isEmpty()) {
            tooltip.setVisible(false);
            return;
        }
        text.append(TOOLTIP_TIME.format(Instant.ofEpochMilli(shownTime)));
        values.forEach(v -> text.append('\n').append(v));
        tooltip.setText(text.toString());
        tooltip.autosize();
        double tx = hoverX + 12;
        if (tx + tooltip.getWidth() > getWidth()) {
            tx = hoverX - 12 - tooltip.getWidth();
        }
        tooltip.relocate(Math.max(0, tx), TOP + 4);
        tooltip.setVisible(true);
    }

    /** The hovered time's tooltip text, for tests. */
    public String tooltipText() {
        return tooltip.isVisible() ? tooltip.getText() : "";
    }

    private double xPx(long t, double plotW) {
        return LEFT + (double) (t - viewFrom) / (viewTo - viewFrom) * plotW;
    }

    private static double yPx(double v, double plotH, double[] yRange) {
        return TOP + plotH - (v - yRange[0]) / (yRange[1] - yRange[0]) * plotH;
    }

    static int lowerBound(long[] xs, long t) {
        int lo = 0;
        int hi = xs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int nearest(long[] xs, long t) {
        if (xs.length == 0) {
            return -1;
        }
        int i = lowerBound(xs, t);
        if (i >= xs.length) {
            return xs.length - 1;
        }
        if (i > 0 && t - xs[i - 1] < xs[i] - t) {
            return i - 1;
        }
        return i;
    }

    // ---------------------------------------------------------------- interaction

    /** Moves the crosshair to {@code x} (NaN hides it). */
    public void hover(double x) {
        hoverX = x;
        draw();
    }

    private void onPressed(MouseEvent e) {
        dragX = e.getX();
        dragFrom = viewFrom;
        dragTo = viewTo;
    }

    private void onDragged(MouseEvent e) {
        if (Double.isNaN(dragX)) {
            return;
        }
        double plotW = canvas.getWidth() - LEFT - RIGHT;
        long shift = (long) ((dragX - e.getX()) / plotW * (dragTo - dragFrom));
        long span = dragTo - dragFrom;
        long from = Math.max(fullFrom, Math.min(fullTo - span, dragFrom + shift));
        hoverX = Double.NaN;
        setView(from, from + span);
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        zoom(e.getX(), e.getDeltaY() > 0 ? 0.8 : 1.25);
        e.consume();
    }

    /** Zooms the time axis by {@code factor} around pixel {@code x} (factor < 1 zooms in). */
    public void zoom(double x, double factor) {
        double plotW = canvas.getWidth() - LEFT - RIGHT;
        double frac = Math.max(0, Math.min(1, (x - LEFT) / plotW));
        long span = viewTo - viewFrom;
        long anchor = viewFrom + (long) (frac * span);
        long newSpan = Math.max(60_000, Math.min(fullTo - fullFrom, (long) (span * factor)));
        long from = anchor - (long) (frac * newSpan);
        from = Math.max(fullFrom, Math.min(fullTo - newSpan, from));
        setView(from, from + newSpan);
    }

    /** Breaks a message into lines no wider than {@code width} (a word longer than that gets a line of its own). */
    static List<String> wrap(String text, Font font, double width) {
        Text measure = new Text();
        measure.setFont(font);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            measure.setText(candidate);
            if (!line.isEmpty() && measure.getLayoutBounds().getWidth() > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
