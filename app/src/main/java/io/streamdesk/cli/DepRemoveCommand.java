package io.streamdesk.cli;

import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.service.InputRejectedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "remove", description = "Removes one version (NAME@VERSION) or a dependency with all its versions "
        + "(NAME); refused, naming them, while a job's draft or a published job version references it.")
final class DepRemoveCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME[@VERSION]", description = "A dependency, or one version of it")
    String target;

    DepRemoveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var deps = context.services().dependencies();
        if (target.matches(".+@\\d+")) {
            DependencyRef ref;
            try {
                ref = DependencyRef.parse(target);
            } catch (IllegalArgumentException e) {
                throw new InputRejectedException(e.getMessage());
            }
            deps.remove(ref.name(), ref.version());
            context.out().println("Removed " + ref + ".");
        } else {
            int versions = deps.versions(target).size();
            deps.remove(target);
            context.out().println("Removed " + target + " (" + versions + (versions == 1 ? " version)." : " versions)."));
        }
        return 0;
    }
}
