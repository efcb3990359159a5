package io.streamdesk.bench;

import io.streamdesk.app.AppContext;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobRun;

import java.util.List;

/** What {@link FaultAppProcess} reads of the services: the label the job list shows, and the current run. */
final class ShownStates {
    private ShownStates() {
    }

    static String label(AppContext app, Job job) {
        return job.status().label();
    }

    static String flinkJobId(AppContext app, Job job) {
        return job.flinkJobId() == null ? "-" : job.flinkJobId();
    }

    static String restoredFrom(AppContext app, Job job) {
        List<JobRun> runs = app.runs().runs(job.id());
        String from = runs.isEmpty() ? null : runs.get(0).restoredFrom(); // newest first
        return from == null ? "-" : from.replace(' ', '_');
    }

    static String resumable(AppContext app) {
        return "";
    }

    static List<JobId> resumeStoppedAtQuit(AppContext app) {
        return List.of();
    }
}
