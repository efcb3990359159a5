package io.streamdesk.service.port;

import io.streamdesk.model.lineage.ScriptLineage;
import io.streamdesk.model.sql.SqlContext;

/**
 * Which tables each statement of a script reads and writes (M5), taken from Flink's own parser and planner (not from
 * the text), with the job's context (jars, metadata catalog, variables) so that it resolves the same tables the
 * check does. Never throws for bad SQL: a statement the parser refuses is a problem of the result.
 */
public interface LineageExtractor {

    /**
     * @param script  the script as stored (secret references already replaced by placeholders: lineage never needs a
     *                secret's value)
     * @param context the jars, metadata catalog and variables the script is checked with (a version: what it froze)
     */
    ScriptLineage extract(String script, SqlContext context);
}
