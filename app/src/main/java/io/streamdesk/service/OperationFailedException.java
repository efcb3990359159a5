package io.streamdesk.service;

/** A user operation failed. {@code message} says what went wrong, {@code suggestedFix} what to try. */
public class OperationFailedException extends RuntimeException {
    private final String suggestedFix;

    public OperationFailedException(String message, String suggestedFix) {
        this(message, suggestedFix, null);
    }

    public OperationFailedException(String message, String suggestedFix, Throwable cause) {
        super(message, cause);
        this.suggestedFix = suggestedFix;
    }

    public String suggestedFix() {
        return suggestedFix;
    }
}
