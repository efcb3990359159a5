package io.streamdesk.cli;

import io.streamdesk.service.variables.VariableService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "set", description = "Adds a variable or changes its value. A secret's value goes to the secret store "
        + "(never the database) and is shown masked; give '-' as VALUE to read it from standard input instead of the "
        + "command line. Published versions keep the values they froze.")
final class VarSetCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "letters, digits and _ (e.g. kafka_servers)")
    String name;

    @Parameters(index = "1", paramLabel = "VALUE", description = "the value; '-' reads one line from standard input")
    String value;

    @Option(names = "--secret", description = "keep the value in the secret store and show it masked")
    boolean secret;

    @Option(names = {"-d", "--description"}, paramLabel = "TEXT", description = "what the variable is for")
    String description;

    VarSetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String v = "-".equals(value) ? readLine() : value;
        VariableService variables = context.services().variables();
        String n = VariableService.validName(name);
        var existing = variables.find(n);
        if (existing.isPresent()) {
            variables.edit(n, v, secret, description != null ? description : existing.get().description());
            context.out().println("Changed " + n + (secret ? " (secret)." : "."));
        } else {
            variables.add(n, v, secret, description);
            context.out().println("Added " + n + (secret ? " (secret)." : "."));
        }
        return 0;
    }

    private String readLine() {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
            String line = reader.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the value from standard input failed", e);
        }
    }
}
