package io.streamdesk.cli;

import io.streamdesk.model.Job;
import io.streamdesk.model.ObservedJobState;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "jobs", description = "Lists the jobs: ID, name, status (as the cluster confirms it now), online version, folder.")
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
        ObservedStates.checkClusters(context.services());
        jobs = context.services().jobs().list(); // the check may have ended runs the cluster no longer has
        TextTable table = new TextTable("ID", "NAME", "STATUS", "ONLINE", "FOLDER");
        List<ObservedJobState> states = new java.util.ArrayList<>();
        for (Job job : jobs) {
            ObservedJobState state = ObservedStates.of(context.services(), job);
            states.add(state);
            table.row(job.id().value(), job.name(), state.label(),
                    job.onlineVersion() == null ? "-" : "v" + job.onlineVersion(), job.folder());
        }
        table.print(context.out());
        ObservedStates.printNoteOnUnconfirmed(context.services(), jobs, states, context.out());
        return 0;
    }
}
