package io.streamdesk.ui.timeline;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.EventKinds;
import io.streamdesk.model.JobEvent;
import io.streamdesk.ui.Fxml;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The timeline pane (EV5): filters on top, the event canvas, the selected event's details below. Thin. */
public final class TimelineView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    static final String[] RANGES = {"Last hour", "Last 6 hours", "Last 24 hours", "Last 7 days", "Custom days"};

    private final TimelineViewModel vm;
    private final BorderPane root;
    private final TimelineCanvas canvas = new TimelineCanvas();

    @FXML private MenuButton kindsButton;
    @FXML private ComboBox<Integer> runBox;
    @FXML private ComboBox<String> rangeBox;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private ScrollPane scroll;
    @FXML private Label summaryLabel;
    @FXML private Label errorLabel;
    @FXML private Label detailTitle;
    @FXML private Label detailWhen;
    @FXML private Label detailRun;
    @FXML private Label detailCleared;
    @FXML private Label detailCause;
    @FXML private Label detailFix;
    @FXML private TextArea detailEvidence;

    public TimelineView(TimelineViewModel vm) {
        this.vm = vm;
        this.root = Fxml.load("/fxml/timeline/Timeline.fxml", this);
        root.setId(vm.jobId() == null ? "workspaceTimeline" : "timeline-" + vm.jobId().value());
    }

    public BorderPane root() {
        return root;
    }

    public TimelineCanvas canvas() {
        return canvas;
    }

    @FXML
    private void initialize() {
        scroll.setContent(canvas);
        canvas.setId("timelineCanvas");
        canvas.setOnSelect(vm::select);
        for (EventKind k : EventKind.values()) {
            CheckMenuItem item = new CheckMenuItem(EventKinds.label(k));
            item.setId("kind-" + k.name());
            item.selectedProperty().addListener((o, a, on) -> {
                if (on) {
                    vm.kinds().add(k);
                } else {
                    vm.kinds().remove(k);
                }
            });
            kindsButton.getItems().add(item);
        }
        vm.kinds().addListener((SetChangeListener<EventKind>) c -> {
            kindsButton.getItems().forEach(i -> ((CheckMenuItem) i).setSelected(
                    vm.kinds().contains(EventKind.valueOf(i.getId().substring(5)))));
            kindsButton.setText(vm.kinds().isEmpty() ? "All kinds" : vm.kinds().size() + " kind(s)");
            vm.refresh();
        });
        runBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer i) {
                return i == null ? "All" : "#" + i;
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        runBox.getItems().add(null);
        vm.runInstances().addListener((ListChangeListener<Integer>) c -> {
            Integer keep = vm.runInstanceProperty().get();
            runBox.getItems().setAll(new java.util.ArrayList<>(java.util.Collections.singletonList((Integer) null)));
            runBox.getItems().addAll(vm.runInstances());
            runBox.setValue(keep);
        });
        runBox.valueProperty().addListener((o, a, v) -> {
            if (!java.util.Objects.equals(v, vm.runInstanceProperty().get())) {
                vm.runInstanceProperty().set(v);
                vm.refresh();
            }
        });
        rangeBox.getItems().setAll(RANGES);
        rangeBox.setValue(RANGES[2]);
        rangeBox.valueProperty().addListener((o, a, v) -> applyRange());
        fromDate.disableProperty().bind(rangeBox.valueProperty().isNotEqualTo(RANGES[4]));
        toDate.disableProperty().bind(rangeBox.valueProperty().isNotEqualTo(RANGES[4]));
        errorLabel.textProperty().bind(vm.errorProperty());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        vm.shown().addListener((ListChangeListener<JobEvent>) c -> redraw());
        vm.selectedProperty().addListener((o, a, e) -> {
            showDetails(e);
            redraw();
        });
        showDetails(null);
        redraw();
    }

    private void redraw() {
        canvas.show(vm.shown(), vm.fromProperty().get(), vm.toProperty().get(), vm.selectedProperty().get());
    }

    private void applyRange() {
        String v = rangeBox.getValue();
        if (RANGES[4].equals(v)) {
            LocalDate today = LocalDate.now();
            if (fromDate.getValue() == null) {
                fromDate.setValue(today.minusDays(1));
            }
            if (toDate.getValue() == null) {
                toDate.setValue(today);
            }
            return; // Apply sets the custom range
        }
        vm.showLast(switch (v) {
            case "Last hour" -> Duration.ofHours(1);
            case "Last 6 hours" -> Duration.ofHours(6);
            case "Last 7 days" -> Duration.ofDays(7);
            default -> Duration.ofHours(24);
        });
    }

    @FXML
    private void onApply() {
        if (RANGES[4].equals(rangeBox.getValue()) && fromDate.getValue() != null && toDate.getValue() != null) {
            ZoneId zone = ZoneId.systemDefault();
            vm.fromProperty().set(fromDate.getValue().atStartOfDay(zone).toInstant());
            vm.toProperty().set(toDate.getValue().plusDays(1).atStartOfDay(zone).toInstant());
            vm.refresh();
        } else {
            applyRange();
        }
    }

    @FXML
    private void onReset() {
        rangeBox.setValue(RANGES[2]);
        runBox.setValue(null);
        vm.reset();
    }

    @FXML
    private void onRefresh() {
        vm.refresh();
    }

    private void showDetails(JobEvent e) {
        if (e == null) {
            detailTitle.setText("Click an event to see its cause, evidence and fix");
            for (Label l : new Label[] {detailWhen, detailRun, detailCleared, detailCause, detailFix}) {
                l.setText("");
            }
            detailEvidence.setText("");
            return;
        }
        detailTitle.setText(EventKinds.label(e.kind()) + " — " + e.severity().name().toLowerCase()
                + (e.jobId() == null ? " (cluster)" : " · " + e.jobId().value()));
        detailWhen.setText(WHEN.format(e.at()));
        detailRun.setText(e.jobId() == null ? "—" : "#" + e.runInstance());
        detailCleared.setText(e.clearedAt() == null ? "not cleared" : WHEN.format(e.clearedAt()));
        detailCause.setText(e.message());
        detailFix.setText(e.fix().isEmpty() ? "—" : e.fix());
        detailEvidence.setText(e.evidence());
    }
}
