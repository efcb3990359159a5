package io.streamdesk.app;

import io.streamdesk.service.Services;
import io.streamdesk.store.DataDirectory;
import io.streamdesk.store.InstanceLock;
import io.streamdesk.ui.StreamDeskApp;

import java.util.concurrent.CompletableFuture;

/**
 * Starts the desktop app: resolves the data directory (D3), makes sure this is the only instance on it, shows
 * the window at once and opens the database and the local cluster behind it in the background.
 */
public final class AppLauncher {
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
        try {
            // the window first: opening the database now would compete with it for the CPU
            StreamDeskApp.windowShown().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // no window after 10 s (a slow machine): open the data anyway
        }
        try {
            AppContext context = AppContext.open(dirs, AppOptions.defaults());
            context.clusters().startAll();
            context.warmUpInBackground();
            services.complete(context);
        } catch (Throwable e) {
            services.completeExceptionally(e);
        }
    }
}
