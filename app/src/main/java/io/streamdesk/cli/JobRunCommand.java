package io.streamdesk.cli;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Comparator;
import java.util.concurrent.Callable;

@Command(name = "run", description = "Runs a published version (default: the newest, started fresh) and waits until all its tasks run.")
final class JobRunCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "ID", description = "Job ID")
    JobId id;

    @Option(names = "--version", paramLabel = "N", description = "Version number to run (default: the newest)")
    Integer version;

    @Option(names = "--from-savepoint", paramLabel = "latest|PATH",
            description = "Restore from the job's latest checkpoint or savepoint ('latest'), or from a checkpoint or savepoint path (default: start fresh)")
    String fromSavepoint;

    JobRunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Services services = context.services();
        int number = version != null ? version : newestVersion(services);
        // the Run dialog's service: the same slot, restore-state and running-version checks
        Job job = services.versionRuns().run(id, new io.streamdesk.service.jobconfig.VersionRunService.RunRequest(
                number, restoreChoice(), io.streamdesk.service.jobconfig.VersionRunService.StopFirst.DO_NOT_STOP, false));
        if (job.status() == io.streamdesk.model.JobStatus.FINISHED) {
            String summary = services.runs().runs(id).stream().findFirst().map(io.streamdesk.model.JobRun::finishSummary)
                    .orElse(null);
            context.out().println("Version " + number + " of " + id + " ran to its end as Flink job " + job.flinkJobId()
                    + " (run instance " + job.runInstance() + "): Finished" + (summary == null ? "" : " in " + summary));
            return 0;
        }
        io.streamdesk.service.StoredJobGraphs kept = services.storedGraphs();
        context.out().println("Running version " + number + " of " + id + " as Flink job " + job.flinkJobId()
                + " (run instance " + job.runInstance() + ")"
                + (kept != null && kept.storedRuns() > 0 ? " from the job graph kept at publish" : ""));
        return 0;
    }

    private RestoreChoice restoreChoice() {
        if (fromSavepoint == null) {
            return RestoreChoice.fresh();
        }
        return "latest".equalsIgnoreCase(fromSavepoint.strip()) ? RestoreChoice.latest() : RestoreChoice.path(fromSavepoint);
    }

    private int newestVersion(Services services) {
        services.jobs().job(id); // "no such job" before "no version"
        return services.jobs().versions(id).stream()
                .map(JobVersion::number)
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new InputRejectedException("Job " + id + " has no published version; publish one with: "
                        + "streamdesk job publish " + id + " -m TEXT"));
    }
}
