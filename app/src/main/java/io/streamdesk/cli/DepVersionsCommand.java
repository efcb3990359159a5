package io.streamdesk.cli;

import io.streamdesk.model.dependency.DependencyKind;
import io.streamdesk.model.dependency.DependencyUse;
import io.streamdesk.model.dependency.DependencyVersion;
import io.streamdesk.service.dependencies.DependencyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "versions", description = "Lists the versions of a dependency (newest first: number, size, sha256, "
        + "uploaded, description) and the job drafts and versions that reference it.")
final class DepVersionsCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "Dependency name (its file name, see dep list)")
    String name;

    DepVersionsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DependencyService deps = context.services().dependencies();
        List<DependencyVersion> versions = deps.versions(name);
        context.out().println(name + " (" + versions.get(0).kind().label() + ")");
        TextTable table = new TextTable("VERSION", "SIZE", "SHA256", "UPLOADED", "DESCRIPTION");
        for (DependencyVersion v : versions) {
            table.row("@" + v.version(), DependencyKind.formatSize(v.size()), v.sha256(),
                    DepListCommand.WHEN.format(v.createdAt().atZone(ZoneId.systemDefault())), v.description());
        }
        table.print(context.out());
        List<DependencyUse> uses = deps.referencedBy(name);
        if (uses.isEmpty()) {
            context.out().println("Referenced by no job.");
        } else {
            context.out().println("Referenced by:");
            uses.forEach(u -> context.out().println("  @" + u.dependencyVersion() + " " + u.describe()));
        }
        return 0;
    }
}
