package io.streamdesk.cli;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.OperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Turns a failed command into a message on stderr and exit code 1: the service's message, its SQL problems
 * ({@code line:column: message}) and a {@code Fix:} line when the service suggests one. No stack traces for users;
 * unexpected failures go to the log with theirs.
 */
final class CliErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int FAILED = 1;
    private static final Logger LOG = LoggerFactory.getLogger(CliErrorHandler.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof InputRejectedException rejected) {
            err.println(rejected.getMessage());
            for (SqlProblem problem : rejected.problems()) {
                err.println(problem.format());
            }
        } else if (ex instanceof OperationFailedException failed) {
            err.println(failed.getMessage());
            if (failed.suggestedFix() != null && !failed.suggestedFix().isBlank()) {
                err.println("Fix: " + failed.suggestedFix());
            }
        } else {
            LOG.error("Command '{}' failed", cmd.getCommandName(), ex);
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            err.println("Error: " + message);
        }
        err.flush();
        return FAILED;
    }
}
