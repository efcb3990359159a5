package io.streamdesk.store;

import io.streamdesk.model.EventKind;
import io.streamdesk.model.JobEvent;
import io.streamdesk.model.JobId;
import io.streamdesk.service.port.EventStore;
import io.streamdesk.store.entity.EventEntity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** {@link EventStore} on the H2 database. Newest first means by time, then by insertion order. */
public final class HibernateEventStore implements EventStore {
    private final Database db;

    public HibernateEventStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Over-long messages (stack traces) are cut to the column size rather than losing the event. */
    @Override
    public JobEvent add(JobId jobId, int runInstance, EventKind kind, Instant at, String message) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        return db.inTransaction("Recording a " + kind + " event", session -> {
            EventEntity e = new EventEntity();
            e.setJobId(jobId == null ? null : jobId.value());
            e.setRunInstance(runInstance);
            e.setKind(kind.name());
            e.setAt(at);
            e.setMessage(message == null ? "" : Limits.truncated(message, Limits.MESSAGE));
            session.persist(e);
            return StoreMapping.toEvent(e);
        });
    }

    /** With a null {@code jobId}: the cluster events (those of no job). */
    @Override
    public List<JobEvent> listForJob(JobId jobId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String where = jobId == null ? "e.jobId is null" : "e.jobId = :job";
        return db.inTransaction("Listing events", session -> {
            var query = session.createSelectionQuery("from EventEntity e where " + where + " order by e.at desc, e.id desc",
                    EventEntity.class);
            if (jobId != null) {
                query.setParameter("job", jobId.value());
            }
            return query.setMaxResults(limit).getResultList().stream().map(StoreMapping::toEvent).toList();
        });
    }

    @Override
    public List<JobEvent> listAll(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return db.inTransaction("Listing events", session -> session
                .createSelectionQuery("from EventEntity e order by e.at desc, e.id desc", EventEntity.class)
                .setMaxResults(limit)
                .getResultList().stream().map(StoreMapping::toEvent).toList());
    }

    @Override
    public JobEvent add(JobEvent event) {
        Objects.requireNonNull(event, "event");
        return db.inTransaction("Recording a " + event.kind() + " event", session -> {
            EventEntity e = new EventEntity();
            e.setJobId(event.jobId() == null ? null : event.jobId().value());
            e.setRunInstance(event.runInstance());
            e.setKind(event.kind().name());
            e.setAt(event.at());
            e.setMessage(event.message() == null ? "" : Limits.truncated(event.message(), Limits.MESSAGE));
            e.setSeverity(event.severity().name());
            e.setEvidence(Limits.truncated(event.evidence(), Limits.MESSAGE));
            e.setFix(Limits.truncated(event.fix(), Limits.DESCRIPTION));
            e.setClearedAt(event.clearedAt());
            session.persist(e);
            return StoreMapping.toEvent(e);
        });
    }

    @Override
    public void markCleared(long eventId, Instant clearedAt) {
        db.inTransaction("Clearing an event", session -> {
            EventEntity e = session.find(EventEntity.class, eventId);
            if (e != null && e.getClearedAt() == null) {
                e.setClearedAt(clearedAt);
            }
            return null;
        });
    }

    @Override
    public List<JobEvent> listBetween(JobId jobId, Instant from, Instant to, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String where = jobId == null ? "" : " and e.jobId = :job";
        return db.inTransaction("Listing events", session -> {
            var query = session.createSelectionQuery("from EventEntity e where e.at >= :from and e.at < :to" + where
                    + " order by e.at desc, e.id desc", EventEntity.class)
                    .setParameter("from", from).setParameter("to", to);
            if (jobId != null) {
                query.setParameter("job", jobId.value());
            }
            return query.setMaxResults(limit).getResultList().stream().map(StoreMapping::toEvent).toList();
        });
    }
}
