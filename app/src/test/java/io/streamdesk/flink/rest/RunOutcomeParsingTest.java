package io.streamdesk.flink.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdesk.service.port.JobControl.JobFailure;
import io.streamdesk.service.port.JobControl.JobOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Mapping of Flink 2.3's answers (shapes copied from a real local cluster) for finished and failed runs. */
class RunOutcomeParsingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void recordsReadAreWhatTheSourceTasksSentAndRecordsWrittenWhatTheSinkTasksGot() throws Exception {
        JobOutcome outcome = FlinkEndpoints.jobOutcome(json("""
                {"jid":"j","state":"FINISHED","start-time":1000,"end-time":4157,
                 "vertices":[{"id":"src","name":"Source: src[1] -> Calc[2] -> HashAggregate[3]","parallelism":2,
                              "metrics":{"read-records":0,"write-records":10}},
                             {"id":"agg","name":"HashAggregate[5] -> snk[6]: Writer","parallelism":1,
                              "metrics":{"read-records":10,"write-records":0}}],
                 "plan":{"nodes":[{"id":"src"},{"id":"agg","inputs":[{"id":"src","num":0}]}]}}"""));
        assertThat(outcome).isEqualTo(new JobOutcome("FINISHED", 1000, 4157, 10L, 10L));
    }

    @Test
    void aJobChainedIntoOneTaskHasNoCountsRatherThanZero() throws Exception {
        JobOutcome outcome = FlinkEndpoints.jobOutcome(json("""
                {"jid":"j","state":"FINISHED","start-time":1,"end-time":2,
                 "vertices":[{"id":"only","name":"Source: src -> snk: Writer","metrics":{"read-records":0,"write-records":0}}],
                 "plan":{"nodes":[{"id":"only"}]}}"""));
        assertThat(outcome.recordsRead()).isNull();
        assertThat(outcome.recordsWritten()).isNull();
    }

    @Test
    void theRootCauseIsTheLastCausedByWithTheTaskOfTheConcurrentFailure() throws Exception {
        JobFailure failure = FailureChain.newest(json("""
                {"exceptionHistory":{"entries":[{"exceptionName":"org.apache.flink.runtime.JobException",
                  "stacktrace":"org.apache.flink.runtime.JobException: Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=1, backoffTimeMS=1000)\\n\\tat org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailure(ExecutionFailureHandler.java:213)\\nCaused by: java.lang.RuntimeException: wrapped\\n\\tat a.b(C.java:1)\\n\\t... 5 more\\nCaused by: java.io.IOException: Found local file path with authority 'tmp' in path 'file://tmp/x'. Hint: Did you forget a slash? (correct path would be 'file:///tmp/x')\\n\\tat org.apache.flink.core.fs.FileSystem.getUnguardedFileSystem(FileSystem.java:526)\\n",
                  "timestamp":1,
                  "concurrentExceptions":[{"exceptionName":"java.io.IOException","stacktrace":"x",
                    "taskName":"snk[3]: Writer (1/2) - execution #0","endpoint":"localhost:-1"}]}]}}"""));
        assertThat(failure.rootCause()).isEqualTo("java.io.IOException: Found local file path with authority 'tmp' in path"
                + " 'file://tmp/x'. Hint: Did you forget a slash? (correct path would be 'file:///tmp/x')");
        assertThat(failure.operator()).isEqualTo("snk[3]: Writer (1/2)");
        assertThat(failure.location()).isEqualTo("localhost:-1");
        assertThat(failure.describe()).startsWith("java.io.IOException: Found local file path").endsWith("(in snk[3]: Writer (1/2))");
        assertThat(failure.chain()).isEqualTo("""
                org.apache.flink.runtime.JobException: Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=1, backoffTimeMS=1000)
                Caused by: java.lang.RuntimeException: wrapped
                Caused by: java.io.IOException: Found local file path with authority 'tmp' in path 'file://tmp/x'. Hint: Did you forget a slash? (correct path would be 'file:///tmp/x')""");
        assertThat(failure.chain()).doesNotContain("\tat ");
    }

    @Test
    void aMessageOverSeveralLinesStaysInTheChain() {
        JobFailure failure = FailureChain.of("org.apache.flink.table.api.ValidationException: Unable to create a sink.\n\n"
                + "Table options are:\n\n'connector'='x'\n\tat a.b(C.java:1)\n", "Sink: x (1/1) - execution #3", null);
        assertThat(failure.rootCause()).isEqualTo("org.apache.flink.table.api.ValidationException: Unable to create a sink.");
        assertThat(failure.chain()).contains("Table options are:", "'connector'='x'");
        assertThat(failure.operator()).isEqualTo("Sink: x (1/1)");
    }

    @Test
    void noFailureWithoutEntries() throws Exception {
        assertThat(FailureChain.newest(json("{\"exceptionHistory\":{\"entries\":[]}}"))).isNull();
    }

    @Test
    void taskManagerMemoryIsFlinksNeverTheHostsRam() throws Exception {
        // a MiniCluster: unbounded task heap in the configuration -> its JVM heap plus managed memory
        long mini = FlinkEndpoints.taskManagerMemory(json("""
                {"hardware":{"cpuCores":2,"physicalMemory":25276071936,"freeMemory":778502144,"managedMemory":134217728},
                 "memoryConfiguration":{"totalProcessMemory":2200835194880}}"""));
        assertThat(mini).isEqualTo(778502144L + 134217728L);
        // a standalone TaskManager: its configured process size
        long standalone = FlinkEndpoints.taskManagerMemory(json("""
                {"hardware":{"physicalMemory":25276071936,"freeMemory":536870912,"managedMemory":134217728},
                 "memoryConfiguration":{"totalProcessMemory":1728053248}}"""));
        assertThat(standalone).isEqualTo(1728053248L);
    }
}
