package io.streamdesk.cli;

import io.streamdesk.model.Draft;
import io.streamdesk.model.JobId;
import io.streamdesk.model.dependency.DependencyRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "deps", description = "Sets the dependency versions of a job's draft (all of them: connector and UDF "
        + "jars, configuration files), frozen into the next published version; without NAME@VERSION shows them.")
final class JobDepsCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "ID", description = "Job ID")
    JobId id;

    @Parameters(index = "1..*", paramLabel = "NAME@VERSION", description = "The dependency versions (see dep list)")
    List<String> refs;

    @Option(names = "--none", description = "Removes all dependencies from the draft")
    boolean none;

    JobDepsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var services = context.services();
        List<DependencyRef> shown;
        if (none || (refs != null && !refs.isEmpty())) {
            List<DependencyRef> wanted = none ? List.of() : services.dependencies().resolveTexts(refs);
            Draft draft = services.dependencies().useInDraft(id, wanted);
            shown = draft.config().dependencies();
            context.out().println("The draft of " + id + " now uses " + (shown.isEmpty() ? "no dependencies."
                    : shown.size() + (shown.size() == 1 ? " dependency:" : " dependencies:")));
        } else {
            services.jobs().job(id);
            shown = services.jobs().draft(id).map(d -> d.config().dependencies()).orElse(List.of());
            if (shown.isEmpty()) {
                context.out().println("The draft of " + id + " uses no dependencies: `job deps " + id
                        + " NAME@VERSION...` sets them.");
            }
        }
        shown.forEach(r -> context.out().println("  " + r + "  sha256 " + r.sha256()));
        return 0;
    }
}
