package io.streamdesk.ui;

import io.streamdesk.service.Services;
import io.streamdesk.ui.shell.ShellView;
import io.streamdesk.ui.shell.ShellViewModel;
import io.streamdesk.ui.shell.WindowStateStore;
import io.streamdesk.ui.task.BackgroundWork;
import io.streamdesk.ui.task.ExecutorScheduler;
import io.streamdesk.ui.task.FxTaskExecutor;
import io.streamdesk.ui.task.UiContext;
import io.streamdesk.ui.task.UiThread;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application. Not the main class (see {@code io.streamdesk.Launcher}): the launcher starts opening the
 * database and the cluster in the background and calls {@link #launchWith}; the window shows at once with
 * "Opening data…" and fills in when the services are ready.
 */
public final class StreamDeskApp extends Application {
    private static final AtomicReference<CompletableFuture<Services>> PENDING = new AtomicReference<>();
    private static final AtomicReference<StreamDeskApp> RUNNING = new AtomicReference<>();
    private static final CompletableFuture<Void> SHOWN = new CompletableFuture<>();
    private static final AtomicReference<java.nio.file.Path> STATE_DIR = new AtomicReference<>();
    /** The job list read before the services (see {@link #showStartupJobs}); null until read. */
    private static final AtomicReference<java.util.List<io.streamdesk.model.Job>> STARTUP_JOBS = new AtomicReference<>();
    private static final CompletableFuture<Void> LIST_SHOWN = new CompletableFuture<>();
    private static final CompletableFuture<Void> SERVICES_SHOWN = new CompletableFuture<>();

    /**
     * bench/startup.sh and bench/memory.sh: print start-up markers ({@link StartupMarkers}) and skip the resume
     * dialog, which would cover the job list.
     */
    public static final String BENCH_MARKERS = "streamdesk.bench.markers";

    private Stage stage;
    private ShellView shell;
    private ShellViewModel vm;
    private FxTaskExecutor executor;
    private ExecutorScheduler scheduler;
    private WindowStateStore windowState;

    /**
     * Shows the window and blocks until it closes (like {@link Application#launch}). Call it from the main thread.
     *
     * @param dataDir  the data directory (D3), for the window's own state
     * @param services completes when the database is open and the services are wired; completing exceptionally
     *                 shows the error in the window
     */
    public static void launchWith(CompletableFuture<Services> services, java.nio.file.Path dataDir, String[] args) {
        provideServices(services);
        provideDataDirectory(dataDir);
        Application.launch(StreamDeskApp.class, args);
    }

    /**
     * Completes once the main window is on screen. The launcher opens the database after it, so that work does not
     * compete with the window for the two cores of a small machine.
     */
    public static CompletableFuture<Void> windowShown() {
        return SHOWN;
    }

    /**
     * Completes once a rendered frame shows the job list (read before the services, or the services' own) or the
     * window cannot show one (opening failed). The launcher boots the rest of the services after it.
     */
    public static CompletableFuture<Void> listShown() {
        return LIST_SHOWN;
    }

    /**
     * Completes after the frame that followed the services' arrival (or their failure): the launcher starts the
     * local cluster and the planner warm-up after it.
     */
    public static CompletableFuture<Void> servicesShown() {
        return SERVICES_SHOWN;
    }

    /**
     * The job list, read with one plain query while the toolkit starts: the window shows it in its first frame (or as
     * soon as it is read) while the services are still being wired. Callable from any thread.
     */
    public static void showStartupJobs(java.util.List<io.streamdesk.model.Job> jobs) {
        java.util.List<io.streamdesk.model.Job> read = java.util.List.copyOf(jobs);
        STARTUP_JOBS.set(read);
        StreamDeskApp app = RUNNING.get();
        if (app != null && app.vm != null) {
            Platform.runLater(() -> app.vm.startupJobsRead(read)); // ignored when start() took it already
        }
    }

    /** Where the window keeps its size, theme and last open job (a small file, read before the database opens). */
    public static void provideDataDirectory(java.nio.file.Path dataDir) {
        STATE_DIR.set(Objects.requireNonNull(dataDir));
    }

    /** Hands over the services future for the next {@link #start}; for launchers that start the toolkit themselves. */
    public static void provideServices(CompletableFuture<Services> services) {
        PENDING.set(Objects.requireNonNull(services));
    }

    /**
     * Brings the window to the front (a second start asked the first instance to SHOW, D3). Callable from any thread;
     * does nothing before the window exists.
     */
    public static void bringToFront() {
        StreamDeskApp app = RUNNING.get();
        if (app == null) {
            return;
        }
        Platform.runLater(() -> {
            if (app.stage != null) {
                app.stage.setIconified(false);
                app.stage.show();
                app.stage.toFront();
                app.stage.requestFocus();
            }
        });
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        RUNNING.set(this);
        executor = new FxTaskExecutor(4);
        UiThread ui = UiThread.fx();
        scheduler = new ExecutorScheduler(ui, Clock.systemDefaultZone());
        UiContext ctx = new UiContext(executor, ui, scheduler, new BackgroundWork());
        java.nio.file.Path stateDir = STATE_DIR.get();
        windowState = WindowStateStore.inDirectory(stateDir != null ? stateDir
                : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "streamdesk-window-state"));

        // before the first control exists: a control's class initialiser loads JavaFX's default theme (Modena) when
        // no user agent stylesheet is set, and parsing it only to replace it costs the first frame ~0.1 s
        ShellView.applyTheme(windowState.darkTheme());
        ShellViewModel vm = new ShellViewModel(ctx);
        this.vm = vm;
        vm.darkThemeProperty().set(windowState.darkTheme());
        shell = new ShellView(vm, ctx, windowState);
        WindowBounds.restore(primaryStage, windowState);
        Scene scene = shell.createScene(primaryStage.getWidth() > 0 ? primaryStage.getWidth() : 1280,
                primaryStage.getHeight() > 0 ? primaryStage.getHeight() : 800);
        primaryStage.setScene(scene);
        java.util.List<io.streamdesk.model.Job> early = STARTUP_JOBS.getAndSet(null); // one start takes it
        if (early != null) {
            vm.startupJobsRead(early); // read while the toolkit started: in the first frame
        }
        completeWhenListRendered(scene, vm);
        primaryStage.setTitle("StreamDesk");
        primaryStage.setOnCloseRequest(e -> {
            WindowBounds.save(primaryStage, windowState);
            e.consume(); // running jobs are stopped with savepoints first (the quit dialog)
            shell.requestQuit();
        });
        boolean benchmark = Boolean.getBoolean(BENCH_MARKERS);
        if (benchmark) {
            StartupMarkers.install(scene);
        }
        primaryStage.setOnShown(e -> Platform.runLater(() -> SHOWN.complete(null)));
        primaryStage.show();

        CompletableFuture<Services> pending = PENDING.get();
        if (pending == null) {
            vm.servicesFailed(new IllegalStateException("started without services; use StreamDeskApp.launchWith"));
            return;
        }
        pending.whenComplete((services, error) -> Platform.runLater(() -> {
            Runnable[] shown = new Runnable[1];
            shown[0] = () -> {
                scene.removePostLayoutPulseListener(shown[0]);
                Platform.runLater(() -> SERVICES_SHOWN.complete(null));
            };
            scene.addPostLayoutPulseListener(shown[0]);
            Platform.requestNextPulse();
            if (error != null) {
                vm.servicesFailed(error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                vm.servicesReady(services);
                if (!benchmark) {
                    // jobs the last quit stopped with a savepoint: offer to resume them from it
                    io.streamdesk.ui.quit.ResumeAfterQuitDialog.offerIfAny(primaryStage, ctx, services);
                }
            }
        }));
    }

    /** {@link #LIST_SHOWN} after the pulse that laid out the list (its frame is rendered before the next one). */
    private static void completeWhenListRendered(Scene scene, ShellViewModel vm) {
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (vm.startupJobsProperty().get() != null || vm.servicesProperty().get() != null
                    || vm.startupFailedProperty().get()) {
                scene.removePostLayoutPulseListener(check[0]);
                Platform.runLater(() -> LIST_SHOWN.complete(null));
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
    }

    @Override
    public void stop() {
        if (stage != null && stage.isShowing()) {
            WindowBounds.save(stage, windowState);
        }
        if (shell != null) {
            shell.flushDrafts();
            shell.dispose();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        if (executor != null) {
            executor.close();
        }
        RUNNING.set(null);
        // closing the services (savepoints, cluster stop) is the launcher's job: it owns them
    }
}
