package io.streamdesk.cli;

import io.streamdesk.model.dependency.DependencyKind;
import io.streamdesk.model.dependency.DependencyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "add", description = "Uploads FILE as a dependency named after the file (version 1), or as the next "
        + "version of the dependency of that name. A .jar must be a real jar (at most 50 MB); any other file is a "
        + "configuration file (at most 2 MB). At most 20 versions are kept.")
final class DepAddCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to upload")
    Path file;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "What this version is (at most 1000 characters)")
    String message;

    DepAddCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DependencyVersion v = context.services().dependencies().add(file.toAbsolutePath(), message);
        context.out().println("Added " + v.label() + ": " + v.kind().label() + ", " + DependencyKind.formatSize(v.size())
                + " (" + v.size() + " bytes), sha256 " + v.sha256());
        return 0;
    }
}
