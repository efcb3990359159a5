package io.streamdesk.service.lease;

import io.streamdesk.model.Job;
import io.streamdesk.service.RestoreChoice;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The other process of {@link TwoProcessOperationLeaseTest}, in its own JVM: opens the data directory first (it
 * serves the H2 database), publishes a job and, on "RUN", runs it with the submit held until "GO". Prints READY id,
 * SUBMITTING, then RAN status (or FAILED message), and CLOSED on EXIT.
 */
public final class LeaseHolderWorkload {
    public static void main(String[] args) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (StoreBackedRunGraph graph = new StoreBackedRunGraph(Path.of(args[0]))) {
            Job job = graph.jobs.createSqlJob("leased", "/");
            graph.jobs.saveDraft(job.id(), "INSERT INTO s SELECT * FROM t;");
            graph.jobs.publish(job.id(), "v1");
            graph.beforeSubmit = () -> {
                say("SUBMITTING");
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            say("READY " + job.id());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Thread runner = null;
            for (String line = in.readLine(); line != null && !line.equals("EXIT"); line = in.readLine()) {
                if (line.equals("RUN")) {
                    runner = new Thread(() -> {
                        try {
                            say("RAN " + graph.runs.run(job.id(), 1, RestoreChoice.fresh()).status());
                        } catch (RuntimeException e) {
                            say("FAILED " + e.getMessage());
                        }
                    });
                    runner.start();
                } else if (line.equals("GO")) {
                    go.countDown();
                    runner.join();
                }
            }
        }
        say("CLOSED");
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
