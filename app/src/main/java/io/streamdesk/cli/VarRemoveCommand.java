package io.streamdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "remove", description = "Removes a variable. Published versions keep the value they froze; drafts "
        + "that use it without a default no longer pass the check.")
final class VarRemoveCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "the variable's name (see var list)")
    String name;

    VarRemoveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!context.services().variables().delete(name)) {
            context.err().println("No variable named '" + name + "'.");
            return 1;
        }
        context.out().println("Removed " + name + ".");
        return 0;
    }
}
