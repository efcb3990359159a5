package io.streamdesk.ui.monitoring;

import io.streamdesk.model.metrics.Granularity;
import io.streamdesk.service.metrics.MonitoringService.VertexRef;
import io.streamdesk.ui.Formats;
import io.streamdesk.ui.Fxml;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The Monitoring tab (MO2): page buttons, range and granularity, pickers, and a grid of canvas charts. Thin. */
public final class MonitoringView {
    private final MonitoringViewModel vm;
    private final BrowserOpener browser;
    private final BorderPane root;
    private final List<LineChartCanvas> canvases = new ArrayList<>();

    @FXML private HBox pageButtons;
    @FXML private ComboBox<TimeRange> rangeBox;
    @FXML private HBox customBox;
    @FXML private DatePicker customFrom;
    @FXML private DatePicker customTo;
    @FXML private ComboBox<Granularity> granularityBox;
    @FXML private ComboBox<String> taskManagerBox;
    @FXML private ComboBox<VertexRef> vertexBox;
    @FXML private ComboBox<Duration> sampleIntervalBox;
    @FXML private ProgressIndicator busy;
    @FXML private Button flinkUiButton;
    @FXML private Label notice;
    @FXML private Label error;
    @FXML private ScrollPane scroll;
    @FXML private TilePane charts;

    public MonitoringView(MonitoringViewModel vm, BrowserOpener browser) {
        this.vm = vm;
        this.browser = browser;
        this.root = Fxml.load("/fxml/monitoring/Monitoring.fxml", this);
        root.getStylesheets().add(MonitoringView.class.getResource("/css/monitoring.css").toExternalForm());
    }

    public BorderPane root() {
        return root;
    }

    public List<LineChartCanvas> charts() {
        return canvases;
    }

    @FXML
    private void initialize() {
        ToggleGroup pages = new ToggleGroup();
        for (MonitoringPage p : MonitoringPage.values()) {
            ToggleButton b = new ToggleButton(p.label());
            b.setId("page-" + p.name().toLowerCase());
            b.setToggleGroup(pages);
            b.setUserData(p);
            b.setSelected(p == vm.pageProperty().get());
            pageButtons.getChildren().add(b);
        }
        pages.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true); // one page is always selected
            } else {
                vm.pageProperty().set((MonitoringPage) t.getUserData());
            }
        });
        rangeBox.setItems(FXCollections.observableArrayList(TimeRange.values()));
        rangeBox.valueProperty().bindBidirectional(vm.rangeProperty());
        customBox.visibleProperty().bind(vm.rangeProperty().isEqualTo(TimeRange.CUSTOM));
        customBox.managedProperty().bind(customBox.visibleProperty());
        granularityBox.setItems(FXCollections.observableArrayList(Granularity.ONE_MINUTE, Granularity.FIVE_MINUTES, Granularity.RAW));
        granularityBox.setCellFactory(l -> new GranularityCell());
        granularityBox.setButtonCell(new GranularityCell());
        granularityBox.valueProperty().bindBidirectional(vm.granularityProperty());
        taskManagerBox.setItems(vm.taskManagers());
        taskManagerBox.valueProperty().bindBidirectional(vm.taskManagerProperty());
        taskManagerBox.visibleProperty().bind(vm.pageProperty().isEqualTo(MonitoringPage.TASK_MANAGER));
        taskManagerBox.managedProperty().bind(taskManagerBox.visibleProperty());
        vertexBox.setItems(vm.vertices());
        vertexBox.valueProperty().bindBidirectional(vm.vertexProperty());
        vertexBox.visibleProperty().bind(vm.pageProperty().isEqualTo(MonitoringPage.TASKS));
        vertexBox.managedProperty().bind(vertexBox.visibleProperty());
        sampleIntervalBox.setItems(FXCollections.observableArrayList(MonitoringViewModel.SAMPLE_INTERVALS));
        if (!sampleIntervalBox.getItems().contains(vm.sampleIntervalProperty().get())) {
            sampleIntervalBox.getItems().add(vm.sampleIntervalProperty().get()); // e.g. set by -Dstreamdesk.metrics.interval
        }
        sampleIntervalBox.setCellFactory(l -> new IntervalCell(false));
        sampleIntervalBox.setButtonCell(new IntervalCell(true));
        sampleIntervalBox.valueProperty().bindBidirectional(vm.sampleIntervalProperty());
        busy.visibleProperty().bind(vm.loadingProperty());
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        charts.prefTileWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(320, (scroll.getViewportBounds().getWidth() - 24) / 2), scroll.viewportBoundsProperty()));
        charts.setPrefTileHeight(230);
        vm.onLoaded(this::show);
    }

    private void show(MonitoringViewModel.Loaded loaded) {
        while (canvases.size() < loaded.charts().size()) {
            LineChartCanvas c = new LineChartCanvas();
            c.setId("chart-" + canvases.size());
            c.getStyleClass().add("monitoring-chart");
            canvases.add(c);
        }
        charts.getChildren().setAll(canvases.subList(0, loaded.charts().size()));
        for (int i = 0; i < loaded.charts().size(); i++) {
            LineChartCanvas c = canvases.get(i);
            c.setGap(loaded.gapMillis());
            c.setData(loaded.charts().get(i), loaded.from(), loaded.to());
        }
    }

    @FXML
    void onApplyCustom() {
        LocalDate from = customFrom.getValue();
        LocalDate to = customTo.getValue();
        if (from == null || to == null) {
            vm.showCustom(null, null);
            return;
        }
        ZoneId zone = ZoneId.systemDefault();
        vm.showCustom(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    @FXML
    void onOpenFlinkUi() {
        vm.openFlinkUi(browser);
    }

    private static final class GranularityCell extends ListCell<Granularity> {
        @Override
        protected void updateItem(Granularity item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label());
        }
    }

    /** The sampling interval: "every 30s" in the list; a clock and "30s" on the button, to keep the toolbar short. */
    private static final class IntervalCell extends ListCell<Duration> {
        private final boolean button;

        IntervalCell(boolean button) {
            this.button = button;
        }

        @Override
        protected void updateItem(Duration d, boolean empty) {
            super.updateItem(d, empty);
            if (empty || d == null) {
                setText(null);
                setGraphic(null);
            } else if (button) {
                setText(Formats.duration(d));
                setGraphic(new FontIcon("fth-clock"));
            } else {
                setText("Sample every " + Formats.duration(d));
            }
        }
    }
}
