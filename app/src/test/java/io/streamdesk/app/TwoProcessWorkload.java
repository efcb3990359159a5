package io.streamdesk.app;

import io.streamdesk.model.Job;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The "app" side of {@link TwoProcessDurabilityTest}, run in its own JVM: opens the data directory first (so it
 * serves the H2 database to the other process), then writes drafts on request. Commands on stdin: a SQL text to
 * save as the draft, or EXIT.
 */
public final class TwoProcessWorkload {
    public static void main(String[] args) throws Exception {
        try (AppContext app = AppContext.open(Path.of(args[0]), AppOptions.forTests())) {
            Job job = app.jobs().createSqlJob("app side", "/");
            System.out.println("READY " + job.id());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("EXIT"); line = in.readLine()) {
                app.jobs().saveDraft(job.id(), line);
                System.out.println("ACK " + line);
                System.out.flush();
            }
        }
        System.out.println("CLOSED");
        System.out.flush();
    }
}
