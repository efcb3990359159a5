package io.streamdesk.cli;

import io.streamdesk.model.JobId;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.service.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "stop", description = "Stops the running job, optionally taking a savepoint first.")
final class JobStopCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "ID", description = "Job ID")
    JobId id;

    @Option(names = "--savepoint", description = "Take a savepoint before stopping, to restore from later")
    boolean savepoint;

    JobStopCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Services services = context.services();
        services.runs().stop(id, savepoint);
        if (savepoint) {
            String location = services.runs().latestSavepoint(id).map(SavepointRecord::location).orElse("-");
            context.out().println("Stopped " + id + " with savepoint " + location);
        } else {
            context.out().println("Stopped " + id + " without savepoint");
        }
        return 0;
    }
}
