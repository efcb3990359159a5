package io.streamdesk.cli;

import io.streamdesk.model.Job;
import io.streamdesk.service.JobService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "create", description = "Creates a SQL job, saves FILE as its draft and prints the job's ID.")
final class JobCreateCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Job name")
    String name;

    @Option(names = "--sql", required = true, paramLabel = "FILE", description = "SQL file for the draft (UTF-8, at most 1 MiB)")
    Path sqlFile;

    @Option(names = "--folder", paramLabel = "FOLDER", description = "Folder, e.g. /team/etl (default /)")
    String folder;

    @Option(names = "--cluster", paramLabel = "ID", description = "Cluster the job runs on (see cluster list; default: local)")
    String clusterId;

    JobCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        // read first: a missing or oversized file must not leave an empty job behind
        String sql = SqlFileReader.read(sqlFile);
        JobService jobs = context.services().jobs();
        Job job = clusterId == null ? jobs.createSqlJob(name, folder) : jobs.createSqlJob(name, folder, clusterId);
        jobs.saveDraft(job.id(), sql);
        context.out().println(job.id().value());
        return 0;
    }
}
