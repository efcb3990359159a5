package io.streamdesk.model;

import java.time.Instant;

/**
 * An operation in flight on a job (run, stop, status check), as every process on the data directory sees it.
 *
 * @param operation what is being done ("Run", "Stop", ...)
 * @param expiresAt when the lease lapses unless its owner renews it
 */
public record OperationLease(JobId jobId, String operation, LeaseOwner owner, Instant acquiredAt, Instant expiresAt) {

    /** Held at {@code now}: not expired and its owner is not known to be gone. */
    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt) && !owner.isGoneOnThisHost();
    }
}
