package io.streamdesk.app;

import io.streamdesk.model.Job;
import io.streamdesk.service.RestoreChoice;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The app side of {@link QuitOnSigtermTest}, in its own JVM: the app's service graph with a tied local cluster and
 * the app's shutdown hook, one streaming job running on the real cluster. Prints RUNNING id and waits to be ended.
 */
public final class SigtermWorkload {
    public static void main(String[] args) throws Exception {
        AppContext app = AppContext.open(Path.of(args[0]), AppOptions.forTests());
        QuitOnShutdown.install(CompletableFuture.completedFuture(app));
        app.clusters().startAll();
        Job job = app.jobs().createSqlJob("Runs until quit", "/");
        app.jobs().saveDraft(job.id(), JobLifecycleTest.SQL);
        app.jobs().publish(job.id(), "v1");
        app.runs().run(job.id(), 1, RestoreChoice.fresh());
        System.out.println("RUNNING " + job.id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
