package io.streamdesk.service.port;

/** A store operation failed; nothing of it was committed. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
