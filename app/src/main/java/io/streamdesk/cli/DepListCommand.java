package io.streamdesk.cli;

import io.streamdesk.model.dependency.Dependency;
import io.streamdesk.model.dependency.DependencyKind;
import picocli.CommandLine.Command;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "list", description = "Lists the dependencies: name, kind, latest version, versions kept, size and "
        + "sha256 of the latest, when it was uploaded.")
final class DepListCommand implements Callable<Integer> {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final CliContext context;

    DepListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Dependency> all = context.services().dependencies().list();
        if (all.isEmpty()) {
            context.out().println("No dependencies yet: `dep add FILE` uploads a JAR or a configuration file.");
            return 0;
        }
        TextTable table = new TextTable("NAME", "KIND", "LATEST", "VERSIONS", "SIZE", "SHA256", "UPDATED");
        for (Dependency d : all) {
            table.row(d.name(), d.kind().label(), "@" + d.latest().version(), Integer.toString(d.versionCount()),
                    DependencyKind.formatSize(d.latest().size()), d.latest().shortSha256(),
                    WHEN.format(d.updatedAt().atZone(ZoneId.systemDefault())));
        }
        table.print(context.out());
        return 0;
    }
}
