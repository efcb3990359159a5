package io.streamdesk.service.port;

import io.streamdesk.model.sql.SqlContext;

import java.util.List;
import java.util.Map;

/**
 * Compiles a SQL script to Flink's job graph without submitting it, with the same environment setup as the submit,
 * so operator IDs and parallelism are those the cluster would get (P4, P5, state compatibility).
 */
public interface JobGraphCompiler {

    /**
     * @param configuration the job's Flink configuration (parameters, runtime mode, default parallelism)
     * @throws SqlSubmitException with a user-facing message when the script does not compile
     */
    default CompiledJob compile(String script, Map<String, String> configuration) {
        return compile(script, configuration, SqlContext.EMPTY);
    }

    /** The job graph with the job's context: its jars, the catalog's tables and the variables' values. */
    CompiledJob compile(String script, Map<String, String> configuration, SqlContext context);

    /** One operator of the job graph: its IDs as Flink hashes them, and the vertex (chain) it runs in. */
    record CompiledOperator(String operatorId, String userDefinedOperatorId, String vertexName, int parallelism,
                            int maxParallelism) {
    }

    /** The operators of a compiled job, in graph order. */
    record CompiledJob(List<CompiledOperator> operators) {
        public CompiledJob {
            operators = List.copyOf(operators);
        }

        /** The largest operator parallelism (J3, P4); 1 for an empty graph. */
        public int largestParallelism() {
            return operators.stream().mapToInt(CompiledOperator::parallelism).max().orElse(1);
        }
    }
}
