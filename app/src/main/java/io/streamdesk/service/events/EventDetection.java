package io.streamdesk.service.events;

/** The detector as the composition root schedules it. */
public interface EventDetection {
    /** Watches job states and checkpoint counters (every few seconds). */
    void pollStates();

    /** Runs the metric rules over the last window of samples (every 5 minutes, EV2). */
    void checkMetrics();
}
