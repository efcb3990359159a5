package io.streamdesk.ui.timeline;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.EventKinds;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.Severity;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Events on a time axis (EV5), drawn on one Canvas: a lane per kind, a dot per event colored by severity, a bar
 * from a problem to its "cleared at". A click selects the nearest event within a few pixels.
 */
public final class TimelineCanvas extends Region {
    static final double LABEL_WIDTH = 190;
    static final double LANE_HEIGHT = 28;
    static final double AXIS_HEIGHT = 26;
    private static final double HIT_RADIUS = 7;

    private final Canvas canvas = new Canvas();
    private List<JobEvent> events = List.of();
    private Instant from = Instant.EPOCH;
    private Instant to = Instant.EPOCH.plusSeconds(1);
    private JobEvent selected;
    private boolean dark;
    private Consumer<JobEvent> onSelect = e -> { };

    public TimelineCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("timeline-canvas");
        setMinHeight(AXIS_HEIGHT + LANE_HEIGHT * 2);
        canvas.setOnMouseClicked(e -> onSelect.accept(eventAt(e.getX(), e.getY())));
    }

    public void setOnSelect(Consumer<JobEvent> onSelect) {
        this.onSelect = onSelect;
    }

    public void setDark(boolean dark) {
        this.dark = dark;
        draw();
    }

    public void show(List<JobEvent> newEvents, Instant newFrom, Instant newTo, JobEvent newSelected) {
        this.events = List.copyOf(newEvents);
        this.from = newFrom;
        this.to = newTo.isAfter(newFrom) ? newTo : newFrom.plusSeconds(1);
        this.selected = newSelected;
        setPrefHeight(AXIS_HEIGHT + LANE_HEIGHT * Math.max(1, lanes().size()) + 8);
        draw();
    }

    /** Lanes: the kinds present, in the order of {@link EventKind}. */
    List<EventKind> lanes() {
        return new ArrayList<>(new TreeSet<>(events.stream().map(JobEvent::kind).toList()));
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    double x(Instant t) {
        double w = Math.max(1, canvas.getWidth() - LABEL_WIDTH - 16);
        double span = Math.max(1, Duration.between(from, to).toMillis());
        return LABEL_WIDTH + w * Duration.between(from, t).toMillis() / span;
    }

    double y(EventKind kind) {
        return AXIS_HEIGHT + LANE_HEIGHT * lanes().indexOf(kind) + LANE_HEIGHT / 2;
    }

    /** Where an event is drawn, in the canvas's coordinates (tests click there). */
    public javafx.geometry.Point2D pointOf(JobEvent e) {
        return new javafx.geometry.Point2D(x(e.at()), y(e.kind()));
    }

    /** The events drawn now. */
    public List<JobEvent> drawn() {
        return events;
    }

    /** The event drawn nearest to (x, y), or null. */
    JobEvent eventAt(double px, double py) {
        JobEvent best = null;
        double bestDist = HIT_RADIUS;
        for (JobEvent e : events) {
            double d = Math.hypot(x(e.at()) - px, y(e.kind()) - py);
            if (d <= bestDist) {
                best = e;
                bestDist = d;
            }
        }
        return best;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Color fg = dark ? Color.web("#c9d1d9") : Color.web("#24292f");
        Color grid = dark ? Color.web("#30363d") : Color.web("#d0d7de");
        g.setFill(dark ? Color.web("#0d1117") : Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font(12));
        drawAxis(g, w, h, fg, grid);
        List<EventKind> lanes = lanes();
        for (int i = 0; i < lanes.size(); i++) {
            double ly = AXIS_HEIGHT + LANE_HEIGHT * i;
            if (i % 2 == 1) {
                g.setFill(dark ? Color.web("#161b22") : Color.web("#f6f8fa"));
                g.fillRect(0, ly, w, LANE_HEIGHT);
            }
            g.setFill(fg);
            g.fillText(EventKinds.label(lanes.get(i)), 8, ly + LANE_HEIGHT / 2 + 4);
        }
        for (JobEvent e : events) {
            double ex = x(e.at());
            double ey = y(e.kind());
            Color c = color(e.severity());
            if (e.clearedAt() != null) {
                g.setStroke(c.deriveColor(0, 1, 1, 0.45));
                g.setLineWidth(4);
                g.strokeLine(ex, ey, Math.min(x(e.clearedAt()), w - 8), ey);
            }
            g.setFill(c);
            g.fillOval(ex - 5, ey - 5, 10, 10);
            if (e.equals(selected)) {
                g.setStroke(fg);
                g.setLineWidth(2);
                g.strokeOval(ex - 8, ey - 8, 16, 16);
            }
        }
        if (events.isEmpty()) {
            g.setFill(fg.deriveColor(0, 1, 1, 0.6));
            g.fillText("No events in this range — widen the range or reset the filter", LABEL_WIDTH, AXIS_HEIGHT + 20);
        }
    }

    private void drawAxis(GraphicsContext g, double w, double h, Color fg, Color grid) {
        Duration span = Duration.between(from, to);
        Duration step = tickStep(span);
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern(span.toHours() >= 48 ? "MM-dd HH:mm" : "HH:mm")
                .withZone(ZoneId.systemDefault());
        long first = (from.toEpochMilli() / step.toMillis() + 1) * step.toMillis();
        g.setLineWidth(1);
        for (long t = first; t < to.toEpochMilli(); t += step.toMillis()) {
            double tx = x(Instant.ofEpochMilli(t));
            g.setStroke(grid);
            g.strokeLine(tx, AXIS_HEIGHT - 4, tx, h);
            g.setFill(fg);
            g.fillText(fmt.format(Instant.ofEpochMilli(t)), tx - 16, 14);
        }
        g.setStroke(grid);
        g.strokeLine(LABEL_WIDTH, AXIS_HEIGHT - 4, w - 8, AXIS_HEIGHT - 4);
    }

    static Duration tickStep(Duration span) {
        long minutes = Math.max(1, span.toMinutes());
        for (long m : new long[] {1, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440}) {
            if (minutes / m <= 10) {
                return Duration.ofMinutes(m);
            }
        }
        return Duration.ofDays(1);
    }

    static Color color(Severity s) {
        return switch (s) {
            case CRITICAL -> Color.web("#cf222e");
            case WARNING -> Color.web("#d4a72c");
            case INFO -> Color.web("#2f81f7");
        };
    }
}
