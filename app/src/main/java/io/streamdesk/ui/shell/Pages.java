package io.streamdesk.ui.shell;

import io.streamdesk.model.JobId;
import io.streamdesk.service.Services;
import io.streamdesk.ui.alarms.AlarmsView;
import io.streamdesk.ui.alarms.AlarmsViewModel;
import io.streamdesk.ui.job.JobTab;
import io.streamdesk.ui.job.JobTabContent;
import io.streamdesk.ui.jobconfig.JobConfigView;
import io.streamdesk.ui.logs.LogSearchView;
import io.streamdesk.ui.logs.LogSearchViewModel;
import io.streamdesk.ui.monitoring.BrowserOpener;
import io.streamdesk.ui.monitoring.CheckpointsView;
import io.streamdesk.ui.monitoring.CheckpointsViewModel;
import io.streamdesk.ui.monitoring.MonitoringView;
import io.streamdesk.ui.monitoring.MonitoringViewModel;
import io.streamdesk.ui.overview.OverviewView;
import io.streamdesk.ui.overview.OverviewViewModel;
import io.streamdesk.ui.prometheus.ParametersAccess;
import io.streamdesk.ui.prometheus.PushGatewayView;
import io.streamdesk.ui.prometheus.PushGatewayViewModel;
import io.streamdesk.ui.task.UiContext;
import io.streamdesk.ui.timeline.TimelineView;
import io.streamdesk.ui.timeline.TimelineViewModel;
import io.streamdesk.ui.versions.VersionsView;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Parent;

/**
 * Every page of the window in one place: the side bar's entries ({@link #navigation()}) and the tabs of a job page
 * ({@link #jobTabs()}), each with its id, title, icon and the factory that makes it. A new pane is one entry here;
 * the shell and the job page only walk these lists.
 *
 * <p>The factories are lambdas rather than method references on purpose: a lambda's body links the view classes
 * it names when it first runs, so building the side bar on the first frame loads none of the panes (ADR 0002).
 */
public final class Pages {
    /** The job list: always open, its tab is there from the first frame. */
    public static final Page JOBS = new Page("jobs", "Jobs", "fth-list", false, c -> c.jobList().get().root());

    public static final Page OVERVIEW = new Page("overview", "Overview", "fth-grid", true,
            c -> new OverviewView(new OverviewViewModel(() -> c.services().get().overview(),
                    () -> c.services().get().jobs(), c.ctx()), c.openJob()).root());

    public static final Page TIMELINE = new Page("timeline", "Timeline", "fth-clock", true,
            c -> timeline(null, c.services(), c.ctx()));

    public static final Page ALARMS = new Page("alarms", "Alarms", "fth-bell", true,
            c -> new AlarmsView(new AlarmsViewModel(() -> c.services().get().alarms(), c.ctx())).root());

    /** The clusters jobs run on (R4): list, a page per cluster, add/edit, connectivity test, remove, migrate. */
    public static final Page CLUSTERS = new Page("clusters", "Clusters", "fth-server", true,
            c -> new io.streamdesk.ui.clusters.ClustersView(new io.streamdesk.ui.clusters.ClustersViewModel(
                    new io.streamdesk.ui.clusters.ServicesClusterDirectory(c.services()), c.ctx()),
                    BrowserOpener.system()).root());

    /** Uploaded JARs and configuration files with their versions and the jobs that use them (DP1-DP3). */
    public static final Page DEPENDENCIES = new Page("dependencies", "Dependencies", "fth-package", true,
            c -> new io.streamdesk.ui.dependencies.DependenciesView(new io.streamdesk.ui.dependencies.DependenciesViewModel(
                    () -> c.services().get().dependencies(), c.ctx())).root());

    /** The metadata catalog (M1-M4): catalog tree, new database, new table from a template or DDL, a table's page. */
    public static final Page METADATA = new Page("metadata", "Metadata", "fth-database", true,
            c -> new io.streamdesk.ui.metadata.MetadataView(new io.streamdesk.ui.metadata.MetadataViewModel(
                    () -> c.services().get().metadata(), c.ctx()), table -> {
                        // the job versions reading and writing the table (M5); a click on a version opens its job
                        io.streamdesk.ui.lineage.LineageGraphView graph = io.streamdesk.ui.lineage.LineageGraphView.forTable(
                                table.qualifiedName(), c.services(), c.ctx(), (job, version) -> c.openJob().accept(job), null);
                        graph.refresh();
                        return graph.root();
                    }).root());

    /** Global variables for job SQL (M6): list, add, edit, delete; secret values masked. */
    public static final Page VARIABLES = new Page("variables", "Variables", "fth-hash", true,
            c -> new io.streamdesk.ui.variables.VariablesView(new io.streamdesk.ui.variables.VariablesViewModel(
                    () -> c.services().get().variables(), c.ctx())).root());

    private static final List<Page> NAVIGATION = List.of(JOBS, OVERVIEW, CLUSTERS, METADATA, DEPENDENCIES, VARIABLES,
            TIMELINE, ALARMS);

    private Pages() {
    }

    /** The side bar, top to bottom. */
    public static List<Page> navigation() {
        return NAVIGATION;
    }

    /** A job page's tabs, left to right (made per page: only a job page's opening needs them). */
    public static List<JobTab> jobTabs() {
        return List.of(
                new JobTab("editorTab", "Editor", "fth-edit-3", JobTab.Build.WITH_PAGE,
                        c -> JobTabContent.of(io.streamdesk.ui.jobtypes.JobTypeEditors.editorFor(c))),
                new JobTab("configTab", "Configuration", "fth-sliders", JobTab.Build.WITH_PAGE,
                        c -> JobTabContent.of(new JobConfigView(c.viewModel().config()).root())),
                new JobTab("versionsTab", "Versions", "fth-git-commit", JobTab.Build.WITH_PAGE, c -> {
                    c.viewModel().versions().withChangeMarks(list -> changeMarks(c.services().get(), c.jobId(), list));
                    VersionsView versions = new VersionsView(c.viewModel().versions(), v -> c.page().openReadOnly(v));
                    versions.setComparisonHandler(() -> c.viewModel().editor().currentText(),
                            comparison -> c.page().openComparison(comparison));
                    versions.addRunAction(v -> c.page().openRunDialog(v.number()));
                    versions.addVariablesAction(v -> c.page().openVariablesPreview(v));
                    return JobTabContent.of(versions.root());
                }),
                // made when first shown, polling only while selected (MO2, C1): a page opens without their charts and
                // tables to style and lay out (issue 14)
                new JobTab("monitoringTab", "Monitoring", "fth-activity", JobTab.Build.WHEN_FIRST_SHOWN, c -> {
                    MonitoringViewModel vm = new MonitoringViewModel(c.jobId(), c.services().get().monitoring(), c.ctx());
                    return JobTabContent.polling(new MonitoringView(vm, BrowserOpener.system()).root(),
                            vm::activate, vm::deactivate);
                }),
                new JobTab("checkpointsTab", "Checkpoints", "fth-archive", JobTab.Build.WHEN_FIRST_SHOWN, c -> {
                    CheckpointsViewModel vm = new CheckpointsViewModel(c.jobId(), c.services().get().checkpoints(), c.ctx());
                    return JobTabContent.polling(new CheckpointsView(vm).root(), vm::activate, vm::deactivate);
                }),
                // the tables the job's versions read and write (M5), read again on every selection
                new JobTab("jobLineageTab", "Lineage", "fth-share-2", JobTab.Build.WHEN_FIRST_SHOWN, c -> {
                    io.streamdesk.ui.lineage.LineageGraphView lineage = io.streamdesk.ui.lineage.LineageGraphView.forJob(
                            c.jobId(), c.services(), c.ctx(), (job, number) -> io.streamdesk.ui.task.BackgroundTask
                                    .wrap(() -> c.services().get().jobs().version(job, number))
                                    .onSuccess(v -> c.page().openReadOnly(v))
                                    .executeWith(c.ctx()), null);
                    return new JobTabContent(lineage.root(), lineage::refresh, null, null);
                }),
                new JobTab("jobTimelineTab", "Timeline", "fth-clock", JobTab.Build.WHEN_FIRST_SHOWN,
                        c -> JobTabContent.of(timeline(c.jobId(), c.services(), c.ctx()))),
                new JobTab("jobLogsTab", "Logs", "fth-file-text", JobTab.Build.WHEN_FIRST_SHOWN,
                        c -> JobTabContent.of(new LogSearchView(new LogSearchViewModel(c.jobId(), c.services(),
                                c.ctx())).root())),
                new JobTab("jobPrometheusTab", "Prometheus", "fth-upload-cloud", JobTab.Build.WHEN_FIRST_SHOWN, c -> {
                    var config = c.viewModel().config();
                    PushGatewayViewModel vm = new PushGatewayViewModel(c.jobId(), c.services(), c.ctx(),
                            new ParametersAccess() {
                                @Override
                                public String current() {
                                    return config.isLoaded() ? config.current().parameters() : null;
                                }

                                @Override
                                public void replace(String text) {
                                    config.replaceParameters(text);
                                }
                            });
                    // loaded on every selection: the parameters may have been edited in the Configuration tab meanwhile
                    return new JobTabContent(new PushGatewayView(vm).root(), vm::load, null, null);
                }));
    }

    /** Version number to why it is marked: a catalog table it uses changed or was dropped after it was published. */
    private static java.util.Map<Integer, String> changeMarks(Services services, JobId jobId,
                                                              List<io.streamdesk.model.JobVersion> versions) {
        if (services == null) {
            return java.util.Map.of();
        }
        java.util.Map<Integer, String> marks = new java.util.TreeMap<>();
        for (var mark : services.metadata().changeMarks(services.lineage().forJob(jobId), versions)) {
            marks.merge(mark.version(), mark.reason(), (a, b) -> a + "\n" + b);
        }
        return marks;
    }

    /** The events of one job, or of all jobs when {@code jobId} is null (EV1-EV5). */
    private static Parent timeline(JobId jobId, Supplier<Services> services, UiContext ctx) {
        TimelineViewModel vm = new TimelineViewModel(jobId,
                () -> services.get() == null ? null : services.get().events(), ctx);
        TimelineView view = new TimelineView(vm);
        vm.refresh();
        return view.root();
    }
}
