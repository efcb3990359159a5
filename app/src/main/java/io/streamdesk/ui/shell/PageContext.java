package io.streamdesk.ui.shell;

import io.streamdesk.model.JobId;
import io.streamdesk.service.Services;
import io.streamdesk.ui.jobs.JobListView;
import io.streamdesk.ui.task.UiContext;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a {@link Page}'s factory may use.
 *
 * @param services null until the data is open (factories only run after)
 * @param openJob  opens (or selects) a job's tab
 * @param jobList  the shell's one job list (the File menu's New job and a page's Create copy use it too)
 */
public record PageContext(Supplier<Services> services, UiContext ctx, Consumer<JobId> openJob,
                          Supplier<JobListView> jobList) {
}
