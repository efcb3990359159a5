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

    /** The observed state the job list shows (stored status + cluster health + last confirmation). */
    static String label(AppContext app, Job job) {
        return app.clusters().jobStates().observe(job).label();
    }

    static String flinkJobId(AppContext app, Job job) {
        return job.flinkJobId() == null ? "-" : job.flinkJobId();
    }

    static String restoredFrom(AppContext app, Job job) {
        List<JobRun> runs = app.runs().runs(job.id());
        String from = runs.isEmpty() ? null : runs.get(0).restoredFrom(); // newest first
        return from == null ? "-" : from.replace(' ', '_');
    }

    /** The jobs the start offers to resume (stopped at quit with a savepoint), as the resume dialog lists them. */
    static String resumable(AppContext app) {
        return app.runs().quitResumeOffers().stream()
                .map(o -> o.job().id().value() + "@" + o.savepoint().location()).toList().toString();
    }

    /** "Resume" in the dialog: each offered job through the Run dialog's path, restoring its savepoint. */
    static List<JobId> resumeStoppedAtQuit(AppContext app) {
        List<JobId> resumed = new java.util.ArrayList<>();
        for (io.streamdesk.service.QuitResumeOffer offer : app.runs().quitResumeOffers()) {
            app.versionRuns().run(offer.job().id(), new io.streamdesk.service.jobconfig.VersionRunService.RunRequest(
                    offer.version(), io.streamdesk.service.RestoreChoice.path(offer.savepoint().location()),
                    io.streamdesk.service.jobconfig.VersionRunService.StopFirst.DO_NOT_STOP, false));
            resumed.add(offer.job().id());
        }
        return resumed;
    }
}
