package io.streamdesk.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;

/** The saved, editable SQL of a job; one row per job. */
@Entity
@Table(name = "draft")
public class DraftEntity {
    @Id
    @Column(name = "job_id", nullable = false, length = 12)
    private String jobId;

    @Lob
    @Column(name = "sql", nullable = false, length = 1_048_576)
    private String sql;

    @Column(name = "revision", nullable = false)
    private Long revision;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    @Embedded
    private ConfigColumns config = new ConfigColumns();

    public DraftEntity() {
        // for Hibernate
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public String getSql() {
        return sql;
    }

    public void setSql(String sql) {
        this.sql = sql;
    }

    public Long getRevision() {
        return revision;
    }

    public void setRevision(Long revision) {
        this.revision = revision;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    public void setSavedAt(Instant savedAt) {
        this.savedAt = savedAt;
    }

    public ConfigColumns getConfig() {
        return config;
    }

    public void setConfig(ConfigColumns config) {
        this.config = config;
    }
}
