package io.streamdesk.cli;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobWarning;
import io.streamdesk.model.ObservedJobState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "status", description = "Shows the job's status, online version, run instance, Flink job ID and warning.")
final class JobStatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "ID", description = "Job ID")
    JobId id;

    JobStatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.services().jobs().job(id); // an unknown ID fails before the clusters are asked
        ObservedStates.checkClusters(context.services());
        Job job = context.services().jobs().job(id);
        ObservedJobState state = ObservedStates.of(context.services(), job);
        PrintWriter out = context.out();
        out.println("Job:            " + job.id() + " (" + job.name() + ")");
        out.println("Status:         " + state.label());
        if (!state.confirmed()) {
            out.println("Stored status:  " + job.status().label() + " (the last known one; the cluster did not confirm it)");
        }
        out.println("Cluster:        " + job.clusterId() + " (" + context.services().clusters().state(job.clusterId())
                .health().label() + ")");
        out.println("Online version: " + (job.onlineVersion() == null ? "-" : job.onlineVersion()));
        out.println("Run instance:   " + (job.runInstance() == 0 ? "-" : job.runInstance()));
        out.println("Flink job ID:   " + (job.flinkJobId() == null ? "-" : job.flinkJobId()));
        JobWarning warning = job.warning();
        if (warning != null) {
            out.println("Warning:        " + warning.operation() + " failed: " + warning.message());
            if (warning.suggestedFix() != null) {
                out.println("Fix:            " + warning.suggestedFix());
            }
        }
        return 0;
    }
}
