package io.streamdesk.model.lineage;

import java.util.List;

/**
 * What one statement of a script reads and writes (M5): an INSERT, a CREATE TABLE AS, an EXECUTE STATEMENT SET (its
 * INSERTs together). {@code line} is the statement's 1-based line in the script.
 */
public record StatementLineage(int line, List<LineageTable> reads, List<LineageTable> writes) {

    public StatementLineage {
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
    }
}
