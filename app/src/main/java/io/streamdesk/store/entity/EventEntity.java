package io.streamdesk.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An event of a job or (job_id null) of a cluster. */
@Entity
@Table(name = "event")
public class EventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "job_id", length = 12)
    private String jobId;

    @Column(name = "run_instance", nullable = false)
    private Integer runInstance;

    @Column(name = "kind", nullable = false, length = 40)
    private String kind;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "message", nullable = false, length = 4000)
    private String message;

    @Column(name = "severity", nullable = false, length = 16)
    private String severity = "INFO";

    @Column(name = "evidence", nullable = false, length = 4000)
    private String evidence = "";

    @Column(name = "fix", nullable = false, length = 1000)
    private String fix = "";

    @Column(name = "cleared_at")
    private Instant clearedAt;

    public EventEntity() {
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

    public Integer getRunInstance() {
        return runInstance;
    }

    public void setRunInstance(Integer runInstance) {
        this.runInstance = runInstance;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public Instant getAt() {
        return at;
    }

    public void setAt(Instant at) {
        this.at = at;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public String getEvidence() {
        return evidence;
    }

    public void setEvidence(String evidence) {
        this.evidence = evidence;
    }

    public String getFix() {
        return fix;
    }

    public void setFix(String fix) {
        this.fix = fix;
    }

    public Instant getClearedAt() {
        return clearedAt;
    }

    public void setClearedAt(Instant clearedAt) {
        this.clearedAt = clearedAt;
    }
}
