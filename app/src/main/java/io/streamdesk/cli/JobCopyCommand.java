package io.streamdesk.cli;

import io.streamdesk.model.JobId;
import io.streamdesk.service.CopyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "copy", description = "Creates a copy of a job (J6): its draft, settings and tags, no versions; "
        + "only manually triggered savepoints are shared. Prints the new job's ID.")
final class JobCopyCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "ID", description = "Job ID to copy")
    JobId id;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the copy (default: NAME-copy, numbered when taken)")
    String name;

    @Option(names = "--folder", paramLabel = "FOLDER", description = "Folder of the copy (default: the source's folder)")
    String folder;

    @Option(names = "--cluster", paramLabel = "CLUSTER", description = "Cluster of the copy (default: the source's cluster)")
    String cluster;

    JobCopyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CopyService.CopyResult result = context.services().copies().copy(id, new CopyService.CopyRequest(name, folder, cluster));
        context.out().println(result.copy().id());
        for (String note : result.notes()) {
            context.err().println(note);
        }
        return 0;
    }
}
