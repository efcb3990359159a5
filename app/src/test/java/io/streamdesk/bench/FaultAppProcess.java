package io.streamdesk.bench;

import io.streamdesk.app.AppContext;
import io.streamdesk.app.AppOptions;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.service.RestoreChoice;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The app side of {@link FaultBenchmark}, in its own JVM as the desktop app runs: the real service graph on a data
 * directory with the local cluster tied to this process. Every 500 ms it prints, for each job, the state the job list
 * shows ({@code SHOWN <epoch-ms> <job-id> <flink-job-id> <restored-from> <label>}). Commands on stdin:
 * {@code CREATE <name> <sql-file>} (create, publish, run fresh), {@code RESUME} (resume the jobs stopped at quit).
 * SIGTERM ends it the way a logout does.
 */
public final class FaultAppProcess {
    public static void main(String[] args) throws Exception {
        AppContext app = AppContext.open(Path.of(args[0]), AppOptions.defaults());
        // SIGTERM as in the desktop app: every running job stopped with a savepoint, then the cluster, then exit
        io.streamdesk.app.QuitOnShutdown.install(java.util.concurrent.CompletableFuture.completedFuture(app));
        app.clusters().startAll();
        System.out.println("READY " + ShownStates.resumable(app));
        System.out.flush();
        Thread printer = new Thread(() -> {
            while (true) {
                try {
                    for (Job job : app.jobs().list()) {
                        System.out.println("SHOWN " + System.currentTimeMillis() + " " + job.id().value() + " "
                                + ShownStates.flinkJobId(app, job) + " " + ShownStates.restoredFrom(app, job) + " "
                                + ShownStates.label(app, job));
                    }
                    System.out.flush();
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.out.println("ERROR " + e);
                }
            }
        }, "shown-state-printer");
        printer.setDaemon(true);
        printer.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.split(" ");
            try {
                switch (words[0]) {
                    case "CREATE" -> {
                        Job job = app.jobs().createSqlJob(words[1], "/faults");
                        app.jobs().saveDraft(job.id(), java.nio.file.Files.readString(Path.of(words[2])));
                        app.jobs().publish(job.id(), "fault bench");
                        app.runs().run(job.id(), 1, RestoreChoice.fresh());
                        System.out.println("CREATED " + job.id().value());
                    }
                    case "RESUME" -> {
                        List<JobId> resumed = ShownStates.resumeStoppedAtQuit(app);
                        System.out.println("RESUMED " + resumed);
                    }
                    default -> System.out.println("ERROR unknown command " + words[0]);
                }
            } catch (RuntimeException e) {
                System.out.println("ERROR " + e.getMessage());
            }
            System.out.flush();
        }
        // stdin ends when the bench destroys this process: Process.destroy() sends SIGTERM and closes the pipes at
        // once. Returning here would end the JVM normally (its last non-daemon thread), racing the SIGTERM handler
        // that stops the jobs with savepoints; the desktop app's main thread likewise lives until the quit.
        Thread.currentThread().join();
    }
}
