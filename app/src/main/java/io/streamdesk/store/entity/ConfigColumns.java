package io.streamdesk.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;

import java.math.BigDecimal;

/** The job configuration columns shared by drafts and versions (migration V2). */
@Embeddable
public class ConfigColumns {
    @Lob
    @Column(name = "parameters", nullable = false, length = 65_536)
    private String parameters;

    @Column(name = "jobmanager_cu", nullable = false, precision = 4, scale = 2)
    private BigDecimal jobManagerCu;

    @Column(name = "taskmanager_cu", nullable = false, precision = 4, scale = 2)
    private BigDecimal taskManagerCu;

    @Column(name = "parallelism", nullable = false)
    private Integer parallelism;

    @Column(name = "runtime_mode", nullable = false, length = 16)
    private String runtimeMode;

    @Column(name = "log_level", nullable = false, length = 8)
    private String logLevel;

    public ConfigColumns() {
        // for Hibernate
    }

    public String getParameters() {
        return parameters;
    }

    public void setParameters(String parameters) {
        this.parameters = parameters;
    }

    public BigDecimal getJobManagerCu() {
        return jobManagerCu;
    }

    public void setJobManagerCu(BigDecimal jobManagerCu) {
        this.jobManagerCu = jobManagerCu;
    }

    public BigDecimal getTaskManagerCu() {
        return taskManagerCu;
    }

    public void setTaskManagerCu(BigDecimal taskManagerCu) {
        this.taskManagerCu = taskManagerCu;
    }

    public Integer getParallelism() {
        return parallelism;
    }

    public void setParallelism(Integer parallelism) {
        this.parallelism = parallelism;
    }

    public String getRuntimeMode() {
        return runtimeMode;
    }

    public void setRuntimeMode(String runtimeMode) {
        this.runtimeMode = runtimeMode;
    }

    public String getLogLevel() {
        return logLevel;
    }

    public void setLogLevel(String logLevel) {
        this.logLevel = logLevel;
    }
}
