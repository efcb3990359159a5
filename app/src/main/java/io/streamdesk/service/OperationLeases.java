package io.streamdesk.service;

import io.streamdesk.model.JobId;
import io.streamdesk.model.LeaseOwner;
import io.streamdesk.model.OperationLease;
import io.streamdesk.service.port.OperationLeaseStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Operations in flight on jobs, visible to every process on the data directory: before a run, a stop or a status
 * check touches a job, its process takes the job's lease (owner = pid, host, start time; an expiry). While it works,
 * the lease is renewed; at the end it is released. A process that dies leaves a lease that others take over at once
 * (same host, the pid is gone) or when it expires.
 */
public final class OperationLeases implements AutoCloseable {
    /** How long a lease lives without renewal: longer than any pause of a healthy owner, short enough after a crash. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private final OperationLeaseStore store;
    private final LeaseOwner me;
    private final Clock clock;
    private final Duration ttl;
    private final BackgroundProblems problems;
    private final Map<JobId, Held> held = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService renewer;

    public OperationLeases(OperationLeaseStore store, LeaseOwner me, Clock clock, Duration ttl, BackgroundProblems problems) {
        this.store = store;
        this.me = me;
        this.clock = clock;
        this.ttl = ttl;
        this.problems = problems;
    }

    /** Leases only this process sees: for a process alone on its data (tests over in-memory stores). */
    public static OperationLeases inProcess(Clock clock) {
        return new OperationLeases(new InProcessStore(), LeaseOwner.currentProcess(), clock, DEFAULT_TTL,
                new BackgroundProblems(clock));
    }

    /** The outcome of {@link #tryAcquire}: the lease is ours ({@link Held}), or another live owner has it ({@link Busy}). */
    public sealed interface Attempt permits Held, Busy {
    }

    /** Another owner holds the job's lease. */
    public record Busy(OperationLease holder) implements Attempt {
        /** "Run by process 4711 on desk1 (started 10:15:02)". */
        public String describe() {
            return holder.operation() + " by " + holder.owner().describe();
        }
    }

    /** Our lease on a job; closing releases it. */
    public final class Held implements Attempt, AutoCloseable {
        private final JobId job;
        private volatile boolean closed;

        private Held(JobId job) {
            this.job = job;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            held.remove(job, this);
            try {
                store.release(job, me);
            } catch (RuntimeException e) {
                // it expires by itself; others wait at most the TTL
                problems.report("Releasing an operation lease", e);
            }
        }
    }

    /** Takes the job's lease for {@code operation} unless another live owner holds it. */
    public Attempt tryAcquire(JobId job, String operation) {
        Instant now = clock.instant();
        OperationLease stored = store.tryAcquire(job, operation, me, now, now.plus(ttl));
        if (!stored.owner().id().equals(me.id())) {
            return new Busy(stored);
        }
        Held lease = new Held(job);
        held.put(job, lease);
        ensureRenewer();
        return lease;
    }

    /** The lease another live owner holds on {@code job}, if any. */
    public Optional<OperationLease> heldElsewhere(JobId job) {
        return store.find(job).filter(l -> !l.owner().id().equals(me.id()) && l.isLiveAt(clock.instant()));
    }

    public LeaseOwner owner() {
        return me;
    }

    /** Renews every held lease; runs every third of the TTL on one daemon thread. */
    void renewAll() {
        Instant expires = clock.instant().plus(ttl);
        for (Held lease : held.values()) {
            try {
                if (!store.renew(lease.job, me, expires) && !lease.closed) {
                    problems.report("Operation lease of " + lease.job, "another process took it over after it expired",
                            null);
                } else {
                    problems.succeeded("Operation lease renewal");
                }
            } catch (RuntimeException e) {
                problems.report("Operation lease renewal", e);
            }
        }
    }

    private void ensureRenewer() {
        if (renewer != null) {
            return;
        }
        synchronized (this) {
            if (renewer == null) {
                ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "streamdesk-lease-renewal");
                    t.setDaemon(true);
                    return t;
                });
                long every = Math.max(1, ttl.toMillis() / 3);
                s.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
                renewer = s;
            }
        }
    }

    /** Stops renewing; leases still held lapse by expiry. */
    @Override
    public synchronized void close() {
        if (renewer != null) {
            renewer.shutdownNow();
        }
    }

    /** The store behind {@link #inProcess}: a map, with the same rules as the database store. */
    private static final class InProcessStore implements OperationLeaseStore {
        private final Map<JobId, OperationLease> leases = new ConcurrentHashMap<>();

        @Override
        public synchronized OperationLease tryAcquire(JobId job, String operation, LeaseOwner owner, Instant now,
                                                      Instant expiresAt) {
            OperationLease current = leases.get(job);
            if (current != null && now.isBefore(current.expiresAt()) && !current.owner().id().equals(owner.id())) {
                return current;
            }
            OperationLease mine = new OperationLease(job, operation, owner, now, expiresAt);
            leases.put(job, mine);
            return mine;
        }

        @Override
        public synchronized boolean renew(JobId job, LeaseOwner owner, Instant expiresAt) {
            OperationLease current = leases.get(job);
            if (current == null || !current.owner().id().equals(owner.id())) {
                return false;
            }
            leases.put(job, new OperationLease(job, current.operation(), owner, current.acquiredAt(), expiresAt));
            return true;
        }

        @Override
        public synchronized void release(JobId job, LeaseOwner owner) {
            OperationLease current = leases.get(job);
            if (current != null && current.owner().id().equals(owner.id())) {
                leases.remove(job);
            }
        }

        @Override
        public Optional<OperationLease> find(JobId job) {
            return Optional.ofNullable(leases.get(job));
        }
    }
}
