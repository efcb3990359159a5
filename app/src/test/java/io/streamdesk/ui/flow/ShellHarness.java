package io.streamdesk.ui.flow;

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
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The shell wired exactly as the app wires it (real pool, real FX hops, real timer) over any {@link Services}, with
 * window state in a throw-away directory.
 */
public final class ShellHarness implements AutoCloseable {
    public final ShellViewModel vm;
    public final ShellView view;
    public final Scene scene;
    private final FxTaskExecutor executor = new FxTaskExecutor(4);
    private final ExecutorScheduler scheduler;
    private final java.nio.file.Path stateDir;

    public ShellHarness(Stage stage, Services services, boolean dark, double width, double height) {
        UiThread ui = UiThread.fx();
        scheduler = new ExecutorScheduler(ui, Clock.systemDefaultZone());
        UiContext ctx = new UiContext(executor, ui, scheduler, new BackgroundWork());
        stateDir = createStateDir();
        vm = new ShellViewModel(ctx);
        vm.darkThemeProperty().set(dark);
        view = new ShellView(vm, ctx, WindowStateStore.inDirectory(stateDir));
        scene = view.createScene(width, height);
        stage.setScene(scene);
        stage.setTitle("StreamDesk");
        stage.show();
        if (services != null) {
            vm.servicesReady(services);
        }
    }

    @Override
    public void close() {
        view.dispose();
        scheduler.close();
        executor.close();
        try (var files = java.nio.file.Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temp directory left behind is harmless
        }
    }

    private static java.nio.file.Path createStateDir() {
        try {
            return java.nio.file.Files.createTempDirectory("streamdesk-shell");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
