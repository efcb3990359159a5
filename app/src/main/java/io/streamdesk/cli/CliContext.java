package io.streamdesk.cli;

import io.streamdesk.service.Services;
import io.streamdesk.service.port.SqlChecker;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * What the commands of one CLI invocation share: the services (built on first use, so {@code --help} or a usage
 * error never opens the database), the SQL checker, and the output streams.
 */
final class CliContext implements AutoCloseable {
    private final Supplier<Services> servicesFactory;
    private final Supplier<SqlChecker> checkerFactory;
    private final PrintWriter out;
    private final PrintWriter err;
    private Services services;
    private final Supplier<java.io.InputStream> in;

    CliContext(Supplier<Services> servicesFactory, Supplier<SqlChecker> checkerFactory, PrintWriter out, PrintWriter err) {
        this(servicesFactory, checkerFactory, out, err, () -> System.in);
    }

    CliContext(Supplier<Services> servicesFactory, Supplier<SqlChecker> checkerFactory, PrintWriter out, PrintWriter err,
               Supplier<java.io.InputStream> in) {
        this.in = in;
        this.servicesFactory = servicesFactory;
        this.checkerFactory = checkerFactory;
        this.out = out;
        this.err = err;
    }

    Services services() {
        if (services == null) {
            services = servicesFactory.get();
        }
        return services;
    }

    /** The light checker when one was given; otherwise the services' own check (which opens the database). */
    SqlChecker checker() {
        if (checkerFactory != null) {
            return checkerFactory.get();
        }
        return new SqlChecker() {
            @Override
            public java.util.List<io.streamdesk.model.SqlProblem> check(String script,
                                                                         io.streamdesk.model.sql.SqlContext context) {
                return services().jobs().check(script);
            }

            @Override
            public void warmUp() {
            }
        };
    }

    /** Standard input (for {@code --password-stdin}). */
    java.io.InputStream in() {
        return in.get();
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    @Override
    public void close() {
        if (services != null) {
            Services s = services;
            services = null;
            s.close();
        }
    }
}
