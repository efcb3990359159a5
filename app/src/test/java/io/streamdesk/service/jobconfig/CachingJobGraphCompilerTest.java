package io.streamdesk.service.jobconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdesk.service.port.JobGraphCompiler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingJobGraphCompilerTest {
    private final AtomicInteger compiles = new AtomicInteger();
    private final JobGraphCompiler counting = (script, config, context) -> {
        compiles.incrementAndGet();
        if (script.contains("broken")) {
            throw new IllegalArgumentException("does not compile");
        }
        int parallelism = Integer.parseInt(config.getOrDefault("parallelism.default", "1"));
        return new JobGraphCompiler.CompiledJob(List.of(
                new JobGraphCompiler.CompiledOperator("op-" + script.length(), null, "v", parallelism, 128)));
    };
    private final CachingJobGraphCompiler cache = new CachingJobGraphCompiler(counting);

    @Test
    void theSameScriptAndConfigurationCompileOnce() {
        JobGraphCompiler.CompiledJob first = cache.compile("INSERT INTO a SELECT 1", Map.of("parallelism.default", "2"));
        JobGraphCompiler.CompiledJob again = cache.compile("INSERT INTO a SELECT 1", Map.of("parallelism.default", "2"));
        assertThat(again).isSameAs(first);
        assertThat(compiles).hasValue(1);
    }

    @Test
    void anotherConfigurationOrScriptCompilesAgain() {
        cache.compile("INSERT INTO a SELECT 1", Map.of("parallelism.default", "2"));
        assertThat(cache.compile("INSERT INTO a SELECT 1", Map.of("parallelism.default", "3")).largestParallelism()).isEqualTo(3);
        cache.compile("INSERT INTO a SELECT 2", Map.of("parallelism.default", "2"));
        assertThat(compiles).hasValue(3);
    }

    @Test
    void failuresAreNotRemembered() {
        assertThatThrownBy(() -> cache.compile("broken", Map.of())).hasMessage("does not compile");
        assertThatThrownBy(() -> cache.compile("broken", Map.of())).hasMessage("does not compile");
        assertThat(compiles).hasValue(2);
    }

    @Test
    void onlyTheMostRecentGraphsAreKept() {
        for (int i = 0; i <= CachingJobGraphCompiler.CAPACITY; i++) {
            cache.compile("INSERT " + i, Map.of());
        }
        cache.compile("INSERT 0", Map.of()); // the eldest was dropped
        assertThat(compiles).hasValue(CachingJobGraphCompiler.CAPACITY + 2);
    }
}
