package io.streamdesk.flink.sql;

import org.apache.flink.runtime.jobgraph.JobGraph;

import java.util.Map;

/** For benchmarks: the job graph {@link FlinkSqlSubmitter} compiles for a script, to hand to Flink's own client. */
public final class BenchJobGraphs {
    private BenchJobGraphs() {
    }

    public static JobGraph jobGraph(FlinkSqlSubmitter submitter, String jobName, String script) {
        return submitter.jobGraph(jobName, script, null, Map.of());
    }
}
