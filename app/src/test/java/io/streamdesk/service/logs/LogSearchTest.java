package io.streamdesk.service.logs;

import io.streamdesk.service.InputRejectedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EV6 presets, free text, regex, harmless lines and the failure-cause summary on a Flink-shaped log. */
class LogSearchTest {
    static final String LOG = """
            2026-11-24 10:00:00,001 INFO  org.apache.flink.core.plugin.DefaultPluginManager - The plugins directory [plugins] does not exist.
            2026-11-24 10:00:00,002 WARN  org.apache.hadoop.util.NativeCodeLoader - Unable to load native-hadoop library for your platform
            2026-11-24 10:00:01,000 INFO  org.apache.flink.runtime.executiongraph.ExecutionGraph - Job orders (abc) switched from state CREATED to RUNNING.
            2026-11-24 10:00:05,000 INFO  org.apache.flink.runtime.taskmanager.Task - Calc (1/1)#0 switched from RUNNING to FAILED with failure cause:
            java.lang.RuntimeException: Could not evaluate expression
            \tat org.apache.flink.table.runtime.Foo.bar(Foo.java:10)
            Caused by: org.apache.flink.table.api.TableRuntimeException: row 7 failed
            \tat org.apache.flink.table.runtime.Baz.qux(Baz.java:20)
            Caused by: java.lang.ArithmeticException: / by zero
            \t... 12 more
            2026-11-24 10:00:05,100 INFO  org.apache.flink.runtime.executiongraph.ExecutionGraph - Job orders (abc) switched from state RUNNING to RESTARTING.
            2026-11-24 10:00:09,000 WARN  org.apache.flink.runtime.checkpoint.CheckpointFailureManager - Checkpoint expired before completing.
            2026-11-24 10:00:10,000 ERROR org.apache.flink.runtime.taskexecutor.TaskExecutor - java.lang.OutOfMemoryError: Java heap space
            2026-11-24 10:00:11,000 INFO  org.apache.flink.runtime.entrypoint.ClusterEntrypoint - Terminating cluster entrypoint process with exit code 0.
            """;

    @Test
    void presetsFindTheirLines() {
        assertThat(LogSearch.search(LOG, LogSearch.Query.preset(LogPreset.OUT_OF_MEMORY)).matches())
                .singleElement().extracting(LogSearch.Match::line).isEqualTo(13);
        assertThat(LogSearch.search(LOG, LogSearch.Query.preset(LogPreset.CHECKPOINT_FAILURE)).matches())
                .extracting(LogSearch.Match::text).anyMatch(t -> t.contains("Checkpoint expired"));
        assertThat(LogSearch.search(LOG, LogSearch.Query.preset(LogPreset.JVM_EXIT)).matches())
                .extracting(LogSearch.Match::text).anyMatch(t -> t.contains("exit code 0"));
        assertThat(LogSearch.search(LOG, LogSearch.Query.preset(LogPreset.ERROR)).matches()).hasSize(1);
        assertThat(LogSearch.search(LOG, LogSearch.Query.preset(LogPreset.EXCEPTION)).matches()).hasSize(3);
    }

    @Test
    void harmlessLinesAreHiddenUnlessAsked() {
        var hidden = LogSearch.search(LOG, LogSearch.Query.preset(LogPreset.WARN));
        assertThat(hidden.matches()).extracting(LogSearch.Match::text).noneMatch(t -> t.contains("native-hadoop"));
        assertThat(hidden.hiddenHarmless()).isEqualTo(1);
        var shown = LogSearch.search(LOG, LogSearch.Query.preset(LogPreset.WARN).withHarmless(true));
        assertThat(shown.matches()).extracting(LogSearch.Match::text).anyMatch(t -> t.contains("native-hadoop"));
        assertThat(LogSearch.search(LOG, LogSearch.Query.text("plugins directory")).matches()).isEmpty();
    }

    @Test
    void freeTextIsCaseInsensitiveAndRegexIsARegex() {
        assertThat(LogSearch.search(LOG, LogSearch.Query.text("BY ZERO")).matches()).hasSize(1);
        assertThat(LogSearch.search(LOG, LogSearch.Query.regex("row \\d+ failed")).matches()).singleElement()
                .extracting(LogSearch.Match::line).isEqualTo(7);
        assertThatThrownBy(() -> LogSearch.search(LOG, LogSearch.Query.regex("(unclosed")))
                .isInstanceOf(InputRejectedException.class).hasMessageStartingWith("Regex:");
    }

    @Test
    void failureCauseSummarizesTheTransitionAndItsCausedByChain() {
        var summary = FailureCause.best(LOG).orElseThrow();
        assertThat(summary.line()).isEqualTo(4);
        assertThat(summary.chain()).hasSize(3);
        assertThat(summary.rootCause()).contains("ArithmeticException: / by zero");
        assertThat(summary.text()).contains("switched from RUNNING to FAILED").contains("Root cause: java.lang.ArithmeticException");
        assertThat(FailureCause.all(LOG)).hasSize(2); // the task line and the job's RESTARTING line
        assertThat(FailureCause.best("all quiet\n")).isEmpty();
    }
}
