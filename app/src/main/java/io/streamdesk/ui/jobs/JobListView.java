package io.streamdesk.ui.jobs;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobWarning;
import io.streamdesk.service.JobService;
import io.streamdesk.ui.Formats;
import io.streamdesk.ui.Fxml;
import io.streamdesk.ui.task.UiContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The job list (J3): a thin view over {@link JobListViewModel}. */
public final class JobListView {
    private final JobListViewModel vm;
    private final UiContext ctx;
    private final Supplier<JobService> jobService;
    private final BorderPane root;

    @FXML private TableView<JobRow> jobsTable;
    @FXML private TextField jobFilter;
    @FXML private Label jobCount;
    @FXML private Label emptyLabel;
    @FXML private TableColumn<JobRow, String> nameColumn;
    @FXML private TableColumn<JobRow, String> idColumn;
    @FXML private TableColumn<JobRow, String> typeColumn;
    @FXML private TableColumn<JobRow, String> clusterColumn;
    @FXML private TableColumn<JobRow, JobRow.StatusCellValue> statusColumn;
    @FXML private TableColumn<JobRow, String> versionColumn;
    @FXML private TableColumn<JobRow, Instant> createdColumn;
    @FXML private TableColumn<JobRow, java.time.Duration> totalRunColumn;
    @FXML private TableColumn<JobRow, Instant> startedColumn;
    @FXML private TableColumn<JobRow, java.time.Duration> currentRunColumn;
    @FXML private TableColumn<JobRow, String> cuColumn;
    @FXML private javafx.scene.control.MenuButton selectionMenu;
    private JobListActions actions;
    private Supplier<io.streamdesk.service.Services> services = () -> null;

    /** @param jobService the job service once the data is open (null before) */
    public JobListView(JobListViewModel vm, UiContext ctx, Supplier<JobService> jobService) {
        this.vm = vm;
        this.ctx = ctx;
        this.jobService = jobService;
        this.root = Fxml.load("/fxml/jobs/JobList.fxml", this);
    }

    public BorderPane root() {
        return root;
    }

    @FXML
    private void initialize() {
        text(nameColumn, JobRow::name);
        text(idColumn, JobRow::id);
        text(typeColumn, JobRow::type);
        clusterColumn.setCellValueFactory(c -> c.getValue().clusterNameProperty());
        text(versionColumn, JobRow::onlineVersion);
        cuColumn.setCellValueFactory(c -> c.getValue().cusProperty());
        idColumn.getStyleClass().add("monospace");
        // every cell follows the row's job property: a status change must show without re-sorting the table
        createdColumn.setCellValueFactory(c -> Bindings.createObjectBinding(c.getValue()::createdAt, c.getValue().jobProperty()));
        createdColumn.setCellFactory(c -> timeCell());
        startedColumn.setCellValueFactory(c -> Bindings.createObjectBinding(c.getValue()::runStartedAt, c.getValue().jobProperty()));
        startedColumn.setCellFactory(c -> timeCell());
        startedColumn.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        // durations as values, so they sort by length and not by their text ("10m" < "9s" as text)
        totalRunColumn.setCellValueFactory(c -> c.getValue().totalRunDurationProperty());
        totalRunColumn.setCellFactory(c -> durationCell());
        currentRunColumn.setCellValueFactory(c -> c.getValue().currentRunDurationProperty());
        currentRunColumn.setCellFactory(c -> durationCell());
        currentRunColumn.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        // the observed state (R6): it changes with the cluster and with time, not only with the stored job
        statusColumn.setCellValueFactory(c -> c.getValue().statusValueProperty());
        statusColumn.setCellFactory(c -> new StatusCell());
        statusColumn.setComparator(Comparator.comparing(v -> v.observed().label()));

        jobsTable.setItems(vm.rows());
        vm.comparatorProperty().bind(jobsTable.comparatorProperty());
        jobsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        jobFilter.textProperty().bindBidirectional(vm.filterTextProperty());
        emptyLabel.textProperty().bind(vm.emptyTextProperty());
        jobCount.textProperty().bind(Bindings.createStringBinding(
                () -> vm.rows().size() == 1 ? "1 job" : vm.rows().size() + " jobs", vm.rows()));

        jobsTable.setRowFactory(t -> {
            TableRow<JobRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem());
                }
            });
            return row;
        });
        // batch selection (J5): Ctrl/Shift click and Ctrl+A select several jobs
        jobsTable.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        selectionMenu.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = jobsTable.getSelectionModel().getSelectedItems().size();
            return n == 0 ? "Selected" : "Selected (" + n + ")";
        }, jobsTable.getSelectionModel().getSelectedItems()));
        selectionMenu.disableProperty().bind(Bindings.isEmpty(jobsTable.getSelectionModel().getSelectedItems()));
        jobsTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(jobsTable.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    @FXML
    private void onNewJob() {
        JobService service = jobService.get();
        if (service != null) {
            io.streamdesk.service.Services all = services.get();
            io.streamdesk.service.ClusterService clusters = all == null ? null : all.clusters();
            new NewJobDialog(new NewJobViewModel(service, clusters, ctx), root.getScene().getWindow(), clusters != null)
                    .showAndCreate(job -> vm.open(new JobRow(job, Instant.now())));
        }
    }

    /** Enables Create copy and the batch operations once the shell has the services (null before). */
    public void setServices(Supplier<io.streamdesk.service.Services> services) {
        this.services = services;
        actions = new JobListActions(ctx, services, this::selectedJobs, () -> root.getScene().getWindow(),
                job -> vm.open(new JobRow(job, Instant.now())));
        jobsTable.setContextMenu(actions.contextMenu());
        selectionMenu.getItems().setAll(actions.items());
        selectionMenu.setOnShowing(e -> actions.refreshLabels(selectionMenu.getItems()));
    }

    /** The jobs selected in the table, in table order. */
    public java.util.List<Job> selectedJobs() {
        return java.util.List.copyOf(jobsTable.getSelectionModel().getSelectedItems()).stream().map(JobRow::job).toList();
    }

    /** Create copy of one job, e.g. from its page. */
    public void copy(Job job) {
        if (actions != null) {
            actions.copy(java.util.List.of(job));
        }
    }

    /** For the shell's Ctrl+N and menu. */
    public void newJob() {
        onNewJob();
    }

    private static TableCell<JobRow, java.time.Duration> durationCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(java.time.Duration item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : Formats.duration(item));
            }
        };
    }

    private static void text(TableColumn<JobRow, String> column, Function<JobRow, String> f) {
        column.setCellValueFactory(c -> Bindings.createStringBinding(() -> f.apply(c.getValue()), c.getValue().jobProperty()));
    }

    private static TableCell<JobRow, Instant> timeCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : Formats.time(item));
            }
        };
    }

    /** Status label (whole in its tooltip) with a warning icon; the tooltip carries the warning and its suggested fix (J4). */
    private static final class StatusCell extends TableCell<JobRow, JobRow.StatusCellValue> {
        @Override
        protected void updateItem(JobRow.StatusCellValue row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeIf(s -> s.startsWith("status-"));
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            JobStatus status = row.observed().status();
            setText(row.observed().label());
            getStyleClass().add(row.observed().confirmed() ? "status-" + status.name().toLowerCase() : "status-unconfirmed");
            JobWarning w = row.warning();
            // the whole label (the column may cut "Cluster unreachable — last seen Running at …"), then the warning
            String tipText = row.observed().label();
            if (w == null) {
                setGraphic(null);
            } else {
                FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
                icon.getStyleClass().add("warning-icon");
                setGraphic(icon);
                tipText += "\n\n" + w.operation() + " failed: " + w.message()
                        + (w.suggestedFix() == null ? "" : "\nSuggested fix: " + w.suggestedFix());
            }
            Tooltip tip = new Tooltip(tipText);
            tip.setShowDelay(Duration.millis(200));
            tip.setWrapText(true);
            tip.setMaxWidth(480);
            setTooltip(tip);
        }
    }
}
