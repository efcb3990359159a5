package io.streamdesk.service.port;

import io.streamdesk.model.sql.SqlContext;

import io.streamdesk.model.SqlProblem;

import java.util.List;

/**
 * Checks a Flink SQL script with Flink's own parser, statement by statement (E3). Positions are of the whole
 * script. CREATE statements are registered in a throw-away catalog so later statements validate against them.
 */
public interface SqlChecker {

    /** Empty when the script is valid: checked without jars, catalog tables or variables. */
    default List<SqlProblem> check(String script) {
        return check(script, SqlContext.EMPTY);
    }

    /**
     * Empty when the script is valid with the job's context: its jars (every source and sink factory resolved with
     * them), the metadata catalog's tables (M3) and the variables (M6).
     */
    List<SqlProblem> check(String script, SqlContext context);

    /** Loads the planner so the first check does not pay for it. Safe to call more than once. */
    void warmUp();
}
