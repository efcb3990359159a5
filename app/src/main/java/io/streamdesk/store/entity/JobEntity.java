package io.streamdesk.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A job's row: identity, placement, status and the fields of its current run (J2-J4, J7). */
@Entity
@Table(name = "job")
public class JobEntity {
    @Id
    @Column(name = "id", nullable = false, length = 12)
    private String id;

    @Column(name = "workspace_id", nullable = false, updatable = false, length = 64)
    private String workspaceId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "folder", nullable = false, length = 2000)
    private String folder;

    @Column(name = "type", nullable = false, length = 16)
    private String type;

    @Column(name = "cluster_id", nullable = false, length = 64)
    private String clusterId;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "online_version")
    private Integer onlineVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "cumulative_run_ms", nullable = false)
    private Long cumulativeRunMs;

    @Column(name = "run_started_at")
    private Instant runStartedAt;

    @Column(name = "run_instance", nullable = false)
    private Integer runInstance;

    @Column(name = "flink_job_id", length = 64)
    private String flinkJobId;

    @Column(name = "warning_operation", length = 200)
    private String warningOperation;

    @Column(name = "warning_message", length = 4000)
    private String warningMessage;

    @Column(name = "warning_fix", length = 1000)
    private String warningFix;

    @Column(name = "warning_at")
    private Instant warningAt;

    /** Raised by every run-state write; the optimistic check of {@code JobStore.updateRunState} (V11). */
    @Column(name = "run_state_version", nullable = false)
    private long runStateVersion;

    public JobEntity() {
        // for Hibernate
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getWorkspaceId() {
        return workspaceId;
    }

    public void setWorkspaceId(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getClusterId() {
        return clusterId;
    }

    public void setClusterId(String clusterId) {
        this.clusterId = clusterId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Integer getOnlineVersion() {
        return onlineVersion;
    }

    public void setOnlineVersion(Integer onlineVersion) {
        this.onlineVersion = onlineVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Long getCumulativeRunMs() {
        return cumulativeRunMs;
    }

    public void setCumulativeRunMs(Long cumulativeRunMs) {
        this.cumulativeRunMs = cumulativeRunMs;
    }

    public Instant getRunStartedAt() {
        return runStartedAt;
    }

    public void setRunStartedAt(Instant runStartedAt) {
        this.runStartedAt = runStartedAt;
    }

    public Integer getRunInstance() {
        return runInstance;
    }

    public void setRunInstance(Integer runInstance) {
        this.runInstance = runInstance;
    }

    public String getFlinkJobId() {
        return flinkJobId;
    }

    public void setFlinkJobId(String flinkJobId) {
        this.flinkJobId = flinkJobId;
    }

    public String getWarningOperation() {
        return warningOperation;
    }

    public void setWarningOperation(String warningOperation) {
        this.warningOperation = warningOperation;
    }

    public String getWarningMessage() {
        return warningMessage;
    }

    public void setWarningMessage(String warningMessage) {
        this.warningMessage = warningMessage;
    }

    public String getWarningFix() {
        return warningFix;
    }

    public void setWarningFix(String warningFix) {
        this.warningFix = warningFix;
    }

    public Instant getWarningAt() {
        return warningAt;
    }

    public void setWarningAt(Instant warningAt) {
        this.warningAt = warningAt;
    }

    public long getRunStateVersion() {
        return runStateVersion;
    }

    public void setRunStateVersion(long runStateVersion) {
        this.runStateVersion = runStateVersion;
    }
}
