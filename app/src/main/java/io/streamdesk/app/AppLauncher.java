package io.streamdesk.app;

import io.streamdesk.service.Services;
import io.streamdesk.store.DataDirectory;
import io.streamdesk.store.Database;
import io.streamdesk.store.StartupJobList;
import io.streamdesk.store.InstanceLock;
import io.streamdesk.ui.StreamDeskApp;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the desktop app: resolves the data directory (D3), makes sure this is the only instance on it, shows
 * the window at once and opens the database and the local cluster behind it in the background.
 */
public final class AppLauncher {
    /** Not a static field: the first logger must be created after run() named the log directory. */
    private static org.slf4j.Logger log() {
        return org.slf4j.LoggerFactory.getLogger(AppLauncher.class);
    }

    private AppLauncher() {
    }

    public static int run(String[] args) {
        DataDirectory dirs = DataDirectory.resolve(StartupArguments.parse(args).dataDir(), System.getenv());
        // before the first logger is created, so log4j2 writes into this data directory
        System.setProperty("streamdesk.logDir", dirs.logs().toString());
        StartupPreloader.startInBackground();
        InstanceLock.Result lock = InstanceLock.acquire(dirs.root(), StreamDeskApp::bringToFront);
        if (lock instanceof InstanceLock.AlreadyRunning running) {
            System.out.println(running.message());
            return 0;
        }
        try (InstanceLock held = ((InstanceLock.Acquired) lock).lock()) {
            CompletableFuture<Services> services = new CompletableFuture<>();
            // SIGTERM (logout, kill) closes the services as the window's quit does: savepoints first (S5)
            QuitOnShutdown.install(services);
            Thread opener = new Thread(() -> open(dirs, services), "streamdesk-open");
            opener.setDaemon(true);
            opener.start();
            StreamDeskApp.launchWith(services, dirs.root(), args);
            // the window is closed: stop jobs with savepoints, the cluster, the database (R1)
            services.thenAccept(Services::close).exceptionally(e -> null).join();
            return 0;
        }
    }

    private static void open(DataDirectory dirs, CompletableFuture<Services> services) {
        // while the toolkit starts on the main thread: the pool, the schema check (one query; Flyway only when
        // behind) and the job list (one query), so that the first frames show the jobs
        if (Boolean.getBoolean("streamdesk.openAfterWindow")) {
            awaitQuietly(StreamDeskApp.windowShown()); // experiment: the window alone on the CPU first
        }
        long start = System.nanoTime();
        Database.Opening opening;
        try {
            opening = Database.begin(dirs);
        } catch (Throwable e) {
            services.completeExceptionally(e);
            return;
        }
        try {
            long begun = System.nanoTime();
            List<io.streamdesk.model.Job> jobs = StartupJobList.read(opening.dataSource());
            StreamDeskApp.showStartupJobs(jobs);
            log().info("Start-up job list: {} jobs read in {} ms (database pool and schema check {} ms)", jobs.size(),
                    (System.nanoTime() - begun) / 1_000_000, (begun - start) / 1_000_000);
        } catch (RuntimeException e) {
            // only the early list: the services read it again (and say what fails)
            log().warn("Reading the job list for the first frame failed", e);
        }
        // Hibernate and the services after the frame that shows the list: they would compete with it for the CPU
        awaitQuietly(StreamDeskApp.listShown());
        AppContext context;
        try {
            long wiring = System.nanoTime();
            context = AppContext.open(dirs, AppOptions.defaults(), opening); // closes the pool when it fails
            log().info("Services wired in {} ms", (System.nanoTime() - wiring) / 1_000_000);
        } catch (Throwable e) {
            services.completeExceptionally(e);
            return;
        }
        services.complete(context);
        // the local cluster (a child JVM) and the planner warm-up once the services are on screen
        awaitQuietly(StreamDeskApp.servicesShown());
        if (context.closing()) {
            return; // quit (the window, SIGTERM) while the services opened: no cluster to spawn only to stop it
        }
        try {
            context.clusters().startAll();
        } catch (RuntimeException e) {
            log().warn("Starting the clusters failed", e);
        }
        context.warmUpInBackground();
    }

    /** Waits at most 10 s: on a slow machine (or without a window) the work goes on anyway. */
    private static void awaitQuietly(CompletableFuture<Void> event) {
        try {
            event.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // go on
        }
    }
}
