package io.streamdesk.service.logs;

import io.streamdesk.model.JobId;
import io.streamdesk.testing.FakeGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Logs are fetched over REST (and the local cluster's file) into a copy per run that outlives the cluster. */
class LogServiceTest {
    @TempDir
    Path dir;

    @Test
    void keepsACopyPerRunAndReportsWhatItCouldNotGet() throws Exception {
        FakeGateway gateway = new FakeGateway(); // no /jobmanager/log: a cluster without a log file answers 404
        gateway.texts.put("/taskmanagers", "{\"taskmanagers\": [{\"id\": \"tm:1\"}]}");
        gateway.texts.put("/taskmanagers/tm:1/log", "TM line\n");
        Path local = dir.resolve("local-cluster.log");
        Files.writeString(local, LogSearchTest.LOG);
        LogService logs = new LogService(dir.resolve("runs"), id -> gateway,
                id -> id.equals("local") ? java.util.Optional.of(local) : java.util.Optional.empty());
        JobId job = new JobId("cql-abcdefgh");

        var result = logs.fetch(job, 2, "local");
        assertThat(result.files()).containsExactly("taskmanager-tm_1.log", "cluster-process.log");
        assertThat(result.problems()).singleElement().asString().contains("/jobmanager/log");

        Files.delete(local); // the cluster is gone; the copy stays
        assertThat(logs.files(job, 2)).containsExactly("cluster-process.log", "taskmanager-tm_1.log");
        assertThat(logs.read(job, 2, "cluster-process.log")).contains("/ by zero");
        assertThat(logs.readAll(job, 2)).contains("===== taskmanager-tm_1.log =====").contains("TM line");
        assertThat(logs.files(job, 3)).isEmpty();
    }
}
