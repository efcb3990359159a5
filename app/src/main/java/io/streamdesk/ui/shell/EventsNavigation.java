package io.streamdesk.ui.shell;

import io.streamdesk.service.Services;
import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.JobId;
import io.streamdesk.ui.alarms.AlarmsView;
import io.streamdesk.ui.alarms.AlarmsViewModel;
import io.streamdesk.ui.job.JobPageView;
import io.streamdesk.ui.logs.LogSearchView;
import io.streamdesk.ui.logs.LogSearchViewModel;
import io.streamdesk.ui.overview.OverviewView;
import io.streamdesk.ui.overview.OverviewViewModel;
import io.streamdesk.ui.task.UiContext;
import io.streamdesk.ui.timeline.TimelineView;
import io.streamdesk.ui.timeline.TimelineViewModel;
import javafx.application.Platform;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The events issue's panes in the shell: navigation entries (Overview, Timeline, Alarms) that open one tab each,
 * the Timeline and Logs tabs of a job page, and desktop notifications for alarms.
 */
public final class EventsNavigation {
    public static final List<String> ITEMS = List.of("Overview", "Timeline", "Alarms");

    private final TabPane mainTabs;
    private final Supplier<Services> services;
    private final UiContext ctx;
    private final Consumer<JobId> openJob;

    public EventsNavigation(TabPane mainTabs, Supplier<Services> services, UiContext ctx, Consumer<JobId> openJob) {
        this.mainTabs = mainTabs;
        this.services = services;
        this.ctx = ctx;
        this.openJob = openJob;
    }

    /** Opens (or selects) the tab of a navigation entry; false for an entry that is not ours. */
    public boolean show(String item) {
        if (!ITEMS.contains(item) || services.get() == null) {
            return false;
        }
        for (Tab t : mainTabs.getTabs()) {
            if (("nav-" + item).equals(t.getId())) {
                mainTabs.getSelectionModel().select(t);
                return true;
            }
        }
        Tab tab = new Tab(item);
        tab.setId("nav-" + item);
        tab.setContent(switch (item) {
            case "Overview" -> new OverviewView(new OverviewViewModel(() -> services.get().overview(),
                    () -> services.get().jobs(), ctx), openJob).root();
            case "Timeline" -> timeline(null);
            default -> new AlarmsView(new AlarmsViewModel(() -> services.get().alarms(), ctx)).root();
        });
        mainTabs.getTabs().add(tab);
        mainTabs.getSelectionModel().select(tab);
        return true;
    }

    private javafx.scene.Parent timeline(JobId jobId) {
        TimelineViewModel vm = new TimelineViewModel(jobId, () -> services.get() == null ? null : services.get().events(), ctx);
        TimelineView view = new TimelineView(vm);
        vm.refresh();
        return view.root();
    }

    /** The Timeline and Logs tabs of a job page (built when first selected). */
    public void addJobTabs(JobPageView page, JobId jobId) {
        Tab timeline = new Tab("Timeline");
        timeline.setId("jobTimelineTab");
        timeline.setClosable(false);
        Tab logs = new Tab("Logs");
        logs.setId("jobLogsTab");
        logs.setClosable(false);
        timeline.setOnSelectionChanged(e -> {
            if (timeline.isSelected() && timeline.getContent() == null) {
                timeline.setContent(timeline(jobId));
            }
        });
        logs.setOnSelectionChanged(e -> {
            if (logs.isSelected() && logs.getContent() == null) {
                logs.setContent(new LogSearchView(new LogSearchViewModel(jobId, services, ctx)).root());
            }
        });
        Tab prometheus = new Tab("Prometheus");
        prometheus.setId("jobPrometheusTab");
        prometheus.setClosable(false);
        var configVm = page.viewModel().config();
        var promVm = new io.streamdesk.ui.prometheus.PushGatewayViewModel(jobId, services, ctx, configVm == null ? null
                : new io.streamdesk.ui.prometheus.ParametersAccess() {
                    @Override
                    public String current() {
                        return configVm.isLoaded() ? configVm.current().parameters() : null;
                    }

                    @Override
                    public void replace(String text) {
                        configVm.replaceParameters(text);
                    }
                });
        prometheus.setOnSelectionChanged(e -> {
            if (prometheus.isSelected()) {
                if (prometheus.getContent() == null) {
                    prometheus.setContent(new io.streamdesk.ui.prometheus.PushGatewayView(promVm).root());
                }
                promVm.load(); // the parameters may have been edited in the Configuration tab meanwhile
            }
        });
        page.addTab(timeline);
        page.addTab(logs);
        page.addTab(prometheus);
    }

    /** Desktop notifications (ControlsFX) for alarm changes of rules that ask for them. */
    public static void attachDesktopNotifications(Services s) {
        s.alarms().addDesktopListener(n -> Platform.runLater(() -> {
            try {
                var notice = org.controlsfx.control.Notifications.create()
                        .title((n.state() == AlarmNotification.State.TRIGGERED ? "Alarm: " : "Cleared: ") + n.ruleName())
                        .text((n.jobId() == null ? "" : n.jobId().value() + " — ") + n.message())
                        .hideAfter(javafx.util.Duration.seconds(8));
                if (n.state() == AlarmNotification.State.TRIGGERED) {
                    notice.showWarning();
                } else {
                    notice.showInformation();
                }
            } catch (RuntimeException e) {
                // no window to anchor to (closing, headless): the in-app list still has it
            }
        }));
    }
}
