package io.streamdesk.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One run of a job; (job_id, instance) is unique. */
@Entity
@Table(name = "job_run")
public class JobRunEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "job_id", nullable = false, updatable = false, length = 12)
    private String jobId;

    @Column(name = "instance", nullable = false, updatable = false)
    private Integer instance;

    @Column(name = "version", nullable = false)
    private Integer version;

    @Column(name = "flink_job_id", length = 64)
    private String flinkJobId;

    @Column(name = "restored_from", length = 2000)
    private String restoredFrom;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "end_state", length = 32)
    private String endState;

    @Column(name = "records_read")
    private Long recordsRead;

    @Column(name = "records_written")
    private Long recordsWritten;

    /** Why the run ended, in words (V11). */
    @Column(name = "end_reason", length = 200)
    private String endReason;

    public String getEndReason() {
        return endReason;
    }

    public void setEndReason(String endReason) {
        this.endReason = endReason;
    }

    public JobRunEntity() {
        // for Hibernate
    }

    public Long getId() {
        return id;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public Integer getInstance() {
        return instance;
    }

    public void setInstance(Integer instance) {
        this.instance = instance;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getFlinkJobId() {
        return flinkJobId;
    }

    public void setFlinkJobId(String flinkJobId) {
        this.flinkJobId = flinkJobId;
    }

    public String getRestoredFrom() {
        return restoredFrom;
    }

    public void setRestoredFrom(String restoredFrom) {
        this.restoredFrom = restoredFrom;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public void setEndedAt(Instant endedAt) {
        this.endedAt = endedAt;
    }

    public String getEndState() {
        return endState;
    }

    public void setEndState(String endState) {
        this.endState = endState;
    }

    public Long getRecordsRead() {
        return recordsRead;
    }

    public void setRecordsRead(Long recordsRead) {
        this.recordsRead = recordsRead;
    }

    public Long getRecordsWritten() {
        return recordsWritten;
    }

    public void setRecordsWritten(Long recordsWritten) {
        this.recordsWritten = recordsWritten;
    }
}
