package io.streamdesk.app;

import io.streamdesk.service.Services;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes the services when the process is ended from outside: SIGTERM (a logout, {@code kill}), SIGHUP, SIGINT.
 * Closing stops the running jobs with savepoints, all at once and within a bounded time ({@link AppContext#close()}),
 * then the local cluster and the database; the process then exits with 128 + the signal's number.
 *
 * <p>The signals are caught before the JVM starts its shutdown, because H2 closes its database in a shutdown hook
 * of its own ({@code DB_CLOSE_ON_EXIT}, which AUTO_SERVER does not let us turn off): a close that ran as a shutdown
 * hook would race it and could not record the savepoints. A shutdown hook remains for other ways the JVM ends
 * (System.exit elsewhere); it closes what it still can. After a normal quit both do nothing.
 */
public final class QuitOnShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(QuitOnShutdown.class);
    /** How long a signal waits for services still opening (the database, right after start). */
    private static final long OPENING_WAIT_SECONDS = 15;
    private static final String[] SIGNALS = {"TERM", "HUP", "INT"};

    private QuitOnShutdown() {
    }

    /** Installs the signal handlers and the shutdown hook for the services {@code services} completes with. */
    public static void install(CompletableFuture<? extends Services> services) {
        AtomicBoolean closing = new AtomicBoolean();
        for (String name : SIGNALS) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    if (closing.compareAndSet(false, true)) {
                        LOG.info("SIG{}: stopping running jobs with savepoints, then the local cluster", name);
                        close(services);
                    }
                    Runtime.getRuntime().exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // the signal is reserved here (e.g. the JVM runs with -Xrs): the shutdown hook below still runs
                LOG.debug("Cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (closing.compareAndSet(false, true)) {
                close(services);
            }
        }, "streamdesk-shutdown"));
    }

    private static void close(CompletableFuture<? extends Services> services) {
        Services opened;
        try {
            opened = services.get(OPENING_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            return; // never opened: nothing runs that needs stopping
        }
        try {
            opened.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing on shutdown failed", e);
        }
    }
}
