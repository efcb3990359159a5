package io.streamdesk.service.port;

import io.streamdesk.model.SqlProblem;

import java.util.List;

/**
 * Checks a Flink SQL script with Flink's own parser, statement by statement (E3). Positions are of the whole
 * script. CREATE statements are registered in a throw-away catalog so later statements validate against them.
 */
public interface SqlChecker {

    /** Empty when the script is valid. */
    List<SqlProblem> check(String script);

    /** Loads the planner so the first check does not pay for it. Safe to call more than once. */
    void warmUp();
}
