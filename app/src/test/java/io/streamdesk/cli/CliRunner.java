package io.streamdesk.cli;

import io.streamdesk.service.Services;
import io.streamdesk.service.port.SqlChecker;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
final class CliRunner {
    private final StreamDeskCli cli;

    CliRunner(Supplier<Services> services) {
        this.cli = new StreamDeskCli(services);
    }

    CliRunner(Function<String, Services> services, Supplier<SqlChecker> checker) {
        this.cli = new StreamDeskCli(services, checker);
    }

    StreamDeskCli cli() {
        return cli;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = cli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {
        String[] outLines() {
            return out.isEmpty() ? new String[0] : out.split("\\R");
        }
    }
}
