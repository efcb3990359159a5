package io.streamdesk.service.port;

/** Compiling or submitting a job failed; the message is for the user. */
public class SqlSubmitException extends RuntimeException {
    public SqlSubmitException(String message, Throwable cause) {
        super(message, cause);
    }
}
