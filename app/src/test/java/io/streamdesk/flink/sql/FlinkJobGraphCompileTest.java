package io.streamdesk.flink.sql;

import io.streamdesk.service.port.JobGraphCompiler.CompiledJob;
import io.streamdesk.service.port.JobGraphCompiler.CompiledOperator;
import io.streamdesk.service.port.SqlSubmitException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compiling to a job graph without a cluster (P4, P5, state compatibility); running it is JobLifecycleTest's job. */
class FlinkJobGraphCompileTest {
    private static final String SQL = """
            CREATE TABLE orders (id BIGINT, amount DOUBLE) WITH ('connector' = 'datagen');
            CREATE TABLE totals (id BIGINT, total DOUBLE) WITH ('connector' = 'blackhole');
            INSERT INTO totals SELECT id, SUM(amount) FROM orders GROUP BY id;
            """;

    private final FlinkSqlSubmitter compiler = new FlinkSqlSubmitter();

    @Test
    void theGraphHasTheConfiguredParallelismAndStableOperatorIds() {
        CompiledJob job = compiler.compile(SQL, Map.of("parallelism.default", "3", "pipeline.max-parallelism", "256"));
        assertThat(job.largestParallelism()).isEqualTo(3);
        assertThat(job.operators()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(op -> assertThat(op.operatorId()).matches("[0-9a-f]{32}"))
                .anySatisfy(op -> assertThat(op.vertexName()).containsIgnoringCase("aggregate"))
                .allSatisfy(op -> assertThat(op.maxParallelism()).isEqualTo(256));
        CompiledJob again = compiler.compile(SQL, Map.of("parallelism.default", "3", "pipeline.max-parallelism", "256"));
        assertThat(again.operators()).extracting(CompiledOperator::operatorId)
                .containsExactlyElementsOf(job.operators().stream().map(CompiledOperator::operatorId).toList());
    }

    @Test
    void aScriptThatDoesNotCompileSaysWhere() {
        assertThatThrownBy(() -> compiler.compile("\nINSERT INTO nowhere SELECT 1;", Map.of()))
                .isInstanceOf(SqlSubmitException.class).hasMessageContaining("line 2");
    }
}
