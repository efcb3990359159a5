package io.streamdesk.ui.job;

import io.streamdesk.model.JobId;
import io.streamdesk.service.Services;
import io.streamdesk.ui.task.UiContext;
import java.util.function.Supplier;

/** What a {@link JobTab}'s factory may use: the page it goes on, the services and the UI context. */
public record JobTabContext(JobPageView page, Supplier<Services> services, UiContext ctx) {
    public JobPageViewModel viewModel() {
        return page.viewModel();
    }

    public JobId jobId() {
        return page.viewModel().jobId();
    }
}
