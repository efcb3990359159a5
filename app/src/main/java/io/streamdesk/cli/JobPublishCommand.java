package io.streamdesk.cli;

import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "publish", description = "Publishes the job's saved draft as its next version.")
final class JobPublishCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "ID", description = "Job ID, e.g. cql-ab12cd34")
    JobId id;

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "TEXT", description = "What changed in this version")
    String message;

    JobPublishCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JobVersion version = context.services().jobs().publish(id, message);
        context.out().println("Published version " + version.number() + " of " + id);
        return 0;
    }
}
