package io.streamdesk.ui.lineage;

import io.streamdesk.model.JobId;
import io.streamdesk.model.lineage.TableAccess;
import io.streamdesk.model.lineage.TableOrigin;
import io.streamdesk.service.Services;
import io.streamdesk.ui.task.UiContext;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Shape;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Draws a lineage graph (M5) as the view model laid it out: tables and job versions as labelled boxes, reads and
 * writes as curves with arrows, in a scroll pane; the theme's colours (light and dark) come from the stylesheet. A
 * click on a version opens its job, on a table its page (where one is wired). Reusable: the job page's Lineage tab
 * ({@link #forJob}) and a table's page in the Metadata pane ({@link #forTable}).
 */
public final class LineageGraphView {

    private static final double ARROW = 7;

    private final LineageViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final Pane canvas = new Pane();

    public LineageGraphView(LineageViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("lineage");
        root.getStylesheets().add(LineageGraphView.class.getResource("/css/lineage.css").toExternalForm());

        Label message = new Label();
        message.setId("lineageMessage");
        message.getStyleClass().add("lineage-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        Label error = new Label();
        error.setId("lineageError");
        error.getStyleClass().add("lineage-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        Label legend = new Label("Tables read \u2192 job versions \u2192 tables written. Dashed: no longer used by the"
                + " newest version. Click a box to open it.");
        legend.getStyleClass().add("lineage-legend");
        legend.setWrapText(true);
        VBox top = new VBox(4, legend, message, error);
        top.setPadding(new Insets(8, 12, 4, 12));
        root.setTop(top);

        canvas.getStyleClass().add("lineage-canvas");
        canvas.setId("lineageCanvas");
        ScrollPane scroll = new ScrollPane(canvas);
        scroll.getStyleClass().add("lineage-scroll");
        scroll.setPannable(true);
        root.setCenter(scroll);

        ListView<String> usages = new ListView<>(viewModel.usages());
        usages.setId("lineageUsages");
        usages.getStyleClass().add("lineage-usages");
        usages.setPrefHeight(110);
        usages.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.usages()));
        usages.visibleProperty().bind(usages.managedProperty());
        root.setBottom(usages);

        viewModel.layoutProperty().addListener((obs, old, now) -> draw(now));
        draw(viewModel.layoutProperty().get());
    }

    /** The Lineage tab of a job page: its versions and the tables they read and write. */
    public static LineageGraphView forJob(JobId job, Supplier<Services> services, UiContext ctx,
                                          java.util.function.BiConsumer<JobId, Integer> openVersion, Consumer<String> openTable) {
        return new LineageGraphView(LineageViewModel.forJob(job, lineage(services), ctx, openVersion, openTable));
    }

    /**
     * The graph of one table for its page in the Metadata pane (M5): the versions reading and writing
     * {@code qualifiedName} (e.g. {@code _dc._db.orders}); call {@link #refresh()} when the page shows.
     */
    public static LineageGraphView forTable(String qualifiedName, Supplier<Services> services, UiContext ctx,
                                            java.util.function.BiConsumer<JobId, Integer> openVersion, Consumer<String> openTable) {
        return new LineageGraphView(LineageViewModel.forTable(qualifiedName, lineage(services), ctx, openVersion, openTable));
    }

    private static Supplier<io.streamdesk.service.lineage.LineageService> lineage(Supplier<Services> services) {
        return () -> services.get() == null ? null : services.get().lineage();
    }

    public Parent root() {
        return root;
    }

    public LineageViewModel viewModel() {
        return viewModel;
    }

    /** Reads the lineage again (in the background). */
    public void refresh() {
        viewModel.refresh();
    }

    private void draw(LineageLayout.Result layout) {
        canvas.getChildren().clear();
        canvas.setPrefSize(layout.width(), layout.height());
        canvas.setMinSize(layout.width(), layout.height());
        for (LineageLayout.Line line : layout.lines()) {
            canvas.getChildren().addAll(edge(line));
        }
        for (LineageLayout.Placed placed : layout.nodes()) {
            canvas.getChildren().add(box(placed));
        }
    }

    private static Shape[] edge(LineageLayout.Line line) {
        double dx = Math.max(40, Math.abs(line.x2() - line.x1()) / 2);
        double sign = line.backward() ? -1 : 1;
        CubicCurve curve = new CubicCurve(line.x1(), line.y1(), line.x1() + sign * dx, line.y1(),
                line.x2() - sign * dx, line.y2(), line.x2(), line.y2());
        curve.getStyleClass().addAll("lineage-edge",
                line.edge().access() == TableAccess.READ ? "lineage-edge-read" : "lineage-edge-write");
        if (line.edge().dropped()) {
            curve.getStyleClass().add("lineage-edge-old");
        }
        // the arrow points into the target along the curve's last tangent (horizontal here)
        double tip = line.x2();
        double back = tip - sign * ARROW * 1.4;
        Polygon arrow = new Polygon(tip, line.y2(), back, line.y2() - ARROW * 0.7, back, line.y2() + ARROW * 0.7);
        arrow.getStyleClass().addAll(curve.getStyleClass());
        arrow.getStyleClass().add("lineage-arrow");
        return new Shape[] {curve, arrow};
    }

    private Region box(LineageLayout.Placed placed) {
        LineageGraph.Node node = placed.node();
        Label title = new Label(node.title());
        title.getStyleClass().add("lineage-node-title");
        Label subtitle = new Label(node.subtitle());
        subtitle.getStyleClass().add("lineage-node-subtitle");
        VBox text = new VBox(1, title, subtitle);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        FontIcon icon = new FontIcon(node.kind() == LineageGraph.Kind.VERSION ? "fth-git-commit"
                : node.origin() == TableOrigin.CATALOG ? "fth-database" : "fth-file-text");
        icon.getStyleClass().add("lineage-node-icon");
        HBox box = new HBox(8, icon, text);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 10, 4, 10));
        box.getStyleClass().addAll("lineage-node",
                node.kind() == LineageGraph.Kind.VERSION ? "lineage-version" : "lineage-table");
        if (node.origin() != null) {
            box.getStyleClass().add("lineage-origin-" + node.origin().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (node.focus()) {
            box.getStyleClass().add("lineage-focus");
        }
        if (node.dropped()) {
            box.getStyleClass().add("lineage-dropped");
        }
        box.setId("lineage-node-" + cssId(node.id()));
        box.getProperties().put(LineageGraph.Node.class, node);
        box.setLayoutX(placed.x());
        box.setLayoutY(placed.y());
        box.setPrefSize(placed.width(), placed.height());
        box.setMinSize(placed.width(), placed.height());
        box.setMaxSize(placed.width(), placed.height());
        Tooltip.install(box, new Tooltip(node.detail()));
        box.setCursor(Cursor.HAND);
        box.setOnMouseClicked(e -> viewModel.open(node));
        return box;
    }

    /** Node ids hold dots and colons; a CSS id takes letters, digits, - and _. */
    static String cssId(String id) {
        StringBuilder b = new StringBuilder(id.length());
        for (char c : id.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_');
        }
        return b.toString();
    }
}
