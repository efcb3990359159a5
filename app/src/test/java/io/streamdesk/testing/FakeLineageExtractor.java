package io.streamdesk.testing;

import io.streamdesk.model.lineage.ScriptLineage;
import io.streamdesk.model.sql.SqlContext;
import io.streamdesk.service.port.LineageExtractor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A LineageExtractor for graphs whose tests are not about lineage: reads no tables (without loading Flink's planner
 * on every publish) until a test hands it the real one with {@link #use}. Remembers the scripts it was given.
 */
public final class FakeLineageExtractor implements LineageExtractor {
    private volatile LineageExtractor delegate = (script, context) -> ScriptLineage.EMPTY;
    public final List<String> scripts = new CopyOnWriteArrayList<>();

    public FakeLineageExtractor use(LineageExtractor real) {
        this.delegate = real;
        return this;
    }

    @Override
    public ScriptLineage extract(String script, SqlContext context) {
        scripts.add(script);
        return delegate.extract(script, context);
    }
}
