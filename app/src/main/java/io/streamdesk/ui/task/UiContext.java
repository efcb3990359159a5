package io.streamdesk.ui.task;

/** What every view model needs to do work safely: where to run it, how to come back, and who counts it. */
public record UiContext(TaskExecutor executor, UiThread ui, Scheduler scheduler, BackgroundWork backgroundWork) {
}
