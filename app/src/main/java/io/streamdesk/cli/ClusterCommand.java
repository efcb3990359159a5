package io.streamdesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "cluster", description = "Lists, adds, tests and removes the Flink clusters jobs run on; scales,"
        + " suspends, resumes and deletes Kubernetes ones.")
final class ClusterCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list, status, add, test,"
                + " remove, scale, suspend, resume or delete.");
    }
}
