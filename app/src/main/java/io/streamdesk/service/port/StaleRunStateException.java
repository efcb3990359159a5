package io.streamdesk.service.port;

/**
 * A run-state write of a job was refused because another writer (a background status check, or another process on
 * the same data directory) wrote the job's status since the writer read it. Nothing was written; read the job again.
 */
public final class StaleRunStateException extends StoreException {
    public StaleRunStateException(String message) {
        super(message);
    }
}
