package io.streamdesk.ui.fake;

import io.streamdesk.ui.task.BackgroundWork;
import io.streamdesk.ui.task.CurrentThreadTaskExecutor;
import io.streamdesk.ui.task.UiContext;
import io.streamdesk.ui.task.UiThread;

/** A synchronous UI context for view model tests: work runs at once, callbacks run inline. */
public final class TestContexts {
    private TestContexts() {
    }

    public static UiContext synchronous(ManualScheduler scheduler) {
        return new UiContext(new CurrentThreadTaskExecutor(), UiThread.direct(), scheduler, new BackgroundWork());
    }
}
