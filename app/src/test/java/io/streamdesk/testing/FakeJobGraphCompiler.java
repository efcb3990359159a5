package io.streamdesk.testing;

import io.streamdesk.service.port.JobGraphCompiler;
import io.streamdesk.service.port.SqlSubmitException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles without Flink: every INSERT line becomes an operator whose ID is derived from the line's text, running at
 * {@code parallelism.default}; a line {@code -- parallelism N} raises one operator's parallelism to N. A script with
 * {@link FakeSqlSubmitter#FAIL_MARKER} does not compile.
 */
public final class FakeJobGraphCompiler implements JobGraphCompiler {
    private volatile int compilations;

    @Override
    public CompiledJob compile(String script, Map<String, String> configuration,
                               io.streamdesk.model.sql.SqlContext context) {
        compilations++;
        if (script.contains(FakeSqlSubmitter.FAIL_MARKER)) {
            throw new SqlSubmitException("Could not find any factory for identifier 'nope'", null);
        }
        int parallelism = Integer.parseInt(configuration.getOrDefault("parallelism.default", "1"));
        List<CompiledOperator> operators = new ArrayList<>();
        int override = 0;
        for (String line : script.split("\n")) {
            String l = line.strip();
            if (l.startsWith("-- parallelism ")) {
                override = Integer.parseInt(l.substring("-- parallelism ".length()).strip());
            } else if (l.toUpperCase().startsWith("INSERT")) {
                operators.add(new CompiledOperator(operatorId(l), null, "Sink: " + l,
                        override > 0 ? override : parallelism, 2048));
                override = 0;
            }
        }
        return new CompiledJob(operators);
    }

    /** The ID the fake gives the operator of an INSERT line. */
    public static String operatorId(String insertLine) {
        return String.format("%032x", insertLine.strip().hashCode() & 0xffffffffL);
    }

    public int compilations() {
        return compilations;
    }
}
