package io.streamdesk.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The app's own record of a savepoint or checkpoint (C1). */
@Entity
@Table(name = "savepoint")
public class SavepointEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "job_id", nullable = false, updatable = false, length = 12)
    private String jobId;

    @Column(name = "run_instance", nullable = false)
    private Integer runInstance;

    @Column(name = "version", nullable = false)
    private Integer version;

    @Column(name = "location", length = 2000)
    private String location;

    @Column(name = "source", nullable = false, length = 16)
    private String source;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    public SavepointEntity() {
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

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
