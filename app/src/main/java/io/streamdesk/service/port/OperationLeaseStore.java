package io.streamdesk.service.port;

import io.streamdesk.model.JobId;
import io.streamdesk.model.LeaseOwner;
import io.streamdesk.model.OperationLease;

import java.time.Instant;
import java.util.Optional;

/**
 * Operation leases on jobs, stored where every process on the data directory sees them (the database). At most one
 * lease per job; each method commits before it returns.
 */
public interface OperationLeaseStore {

    /**
     * Takes the job's lease for {@code owner} in one atomic step when nobody holds it, when the held one expired at
     * {@code now}, when it is {@code owner}'s own, or when its owner {@link LeaseOwner#isGoneOnThisHost() is gone}.
     *
     * @return the lease stored afterwards: {@code owner}'s when taken, the holder's otherwise
     */
    OperationLease tryAcquire(JobId job, String operation, LeaseOwner owner, Instant now, Instant expiresAt);

    /** Moves the expiry of {@code owner}'s lease; false when {@code owner} no longer holds it. */
    boolean renew(JobId job, LeaseOwner owner, Instant expiresAt);

    /** Gives up {@code owner}'s lease; does nothing when another owner holds it. */
    void release(JobId job, LeaseOwner owner);

    Optional<OperationLease> find(JobId job);
}
