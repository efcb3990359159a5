package io.streamdesk.cli;

import io.streamdesk.model.Job;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "jobs", description = "Lists the jobs: ID, name, status, online version, folder.")
final class JobsCommand implements Callable<Integer> {
    private final CliContext context;

    JobsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Job> jobs = context.services().jobs().list();
        if (jobs.isEmpty()) {
            context.out().println("No jobs yet. Create one with: streamdesk job create --name NAME --sql FILE");
            return 0;
        }
        TextTable table = new TextTable("ID", "NAME", "STATUS", "ONLINE", "FOLDER");
        for (Job job : jobs) {
            table.row(job.id().value(), job.name(), job.status().label(),
                    job.onlineVersion() == null ? "-" : "v" + job.onlineVersion(), job.folder());
        }
        table.print(context.out());
        return 0;
    }
}
