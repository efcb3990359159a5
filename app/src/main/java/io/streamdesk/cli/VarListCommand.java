package io.streamdesk.cli;

import io.streamdesk.model.variable.Variable;
import picocli.CommandLine.Command;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

@Command(name = "list", description = "Lists the variables: name, value (secrets masked), description, last change.")
final class VarListCommand implements Callable<Integer> {
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final CliContext context;

    VarListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TextTable table = new TextTable("NAME", "VALUE", "DESCRIPTION", "UPDATED");
        for (Variable v : context.services().variables().list()) {
            table.row(v.name(), v.shownValue(), v.description(), UPDATED.format(v.updatedAt().atZone(ZoneId.systemDefault())));
        }
        table.print(context.out());
        return 0;
    }
}
