package io.streamdesk.service;

import io.streamdesk.model.Job;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Tells whoever listens (view models) that a job changed. Listeners run on the thread that changed it. */
public final class JobChangeListeners {
    private final List<Consumer<Job>> listeners = new CopyOnWriteArrayList<>();

    public void add(Consumer<Job> listener) {
        listeners.add(listener);
    }

    public void remove(Consumer<Job> listener) {
        listeners.remove(listener);
    }

    void fire(Job job) {
        for (Consumer<Job> l : listeners) {
            try {
                l.accept(job);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(JobChangeListeners.class).warn("Job listener failed", e);
            }
        }
    }
}
