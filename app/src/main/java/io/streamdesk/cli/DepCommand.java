package io.streamdesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "dep", description = "Uploads, lists and removes dependencies: JARs (connectors, UDFs; at most 50 MB) "
        + "and configuration files (at most 2 MB), each upload of a name a new version.")
final class DepCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: add, list, versions or remove.");
    }
}
