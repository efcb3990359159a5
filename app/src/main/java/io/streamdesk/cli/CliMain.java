package io.streamdesk.cli;

import io.streamdesk.service.Services;
import io.streamdesk.service.port.SqlChecker;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Entry point for the launcher ({@code Launcher cli ...}): parses the command line, builds the services for the
 * {@code --data-dir} value (null when absent: the factory then applies {@code STREAMDESK_HOME} and the XDG default)
 * only when a command needs them, runs it and closes them. The caller exits the JVM with the returned code.
 */
public final class CliMain {
    private CliMain() {
    }

    /**
     * @param services builds the services for a data directory (null = the default one)
     * @param checker  a SQL checker that needs no database, for {@code check-sql}; null to use the services' check
     * @return the exit code (0 ok, 1 failed or refused, 2 usage error)
     */
    public static int run(String[] args, Function<String, Services> services, Supplier<SqlChecker> checker) {
        return new StreamDeskCli(services, checker).execute(args);
    }

    /** Same as {@link #run(String[], Function, Supplier)} with {@code check-sql} going through the services. */
    public static int run(String[] args, Function<String, Services> services) {
        return run(args, services, null);
    }
}
