package io.streamdesk.service;

import io.streamdesk.model.SqlProblem;

import java.util.List;

/** Input was refused before anything was changed; the message names the field and the rule. */
public class InputRejectedException extends RuntimeException {
    private final List<SqlProblem> problems;

    public InputRejectedException(String message) {
        this(message, List.of());
    }

    public InputRejectedException(String message, List<SqlProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** SQL problems behind the refusal, if it was refused for its SQL. */
    public List<SqlProblem> problems() {
        return problems;
    }
}
