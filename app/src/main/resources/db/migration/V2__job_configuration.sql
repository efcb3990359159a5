-- Job configuration (P1-P6, J1): advanced parameters as YAML text (at most 64K chars), JobManager and TaskManager
-- spec in CUs (0.25, 0.5, 1, 2), default parallelism, runtime mode and log level. Drafts carry them and publishing
-- freezes them into the version (V1).
ALTER TABLE draft ADD COLUMN parameters CLOB(64K);
ALTER TABLE draft ADD COLUMN jobmanager_cu DECIMAL(4, 2) DEFAULT 1 NOT NULL;
ALTER TABLE draft ADD COLUMN taskmanager_cu DECIMAL(4, 2) DEFAULT 1 NOT NULL;
ALTER TABLE draft ADD COLUMN parallelism INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE draft ADD COLUMN runtime_mode VARCHAR(16) DEFAULT 'STREAMING' NOT NULL;
ALTER TABLE draft ADD COLUMN log_level VARCHAR(8) DEFAULT 'INFO' NOT NULL;

-- Drafts saved before this migration get the parameters of a new draft (P3).
UPDATE draft SET parameters = 'pipeline.max-parallelism: 2048
restart-strategy.type: fixed-delay
restart-strategy.fixed-delay.attempts: 5
restart-strategy.fixed-delay.delay: 5 s
execution.checkpointing.mode: EXACTLY_ONCE
execution.checkpointing.timeout: 1200 s
# RETAIN_ON_CANCELLATION and RETAIN_ON_SUCCESS keep checkpoints after the job ends
execution.checkpointing.externalized-checkpoint-retention: DELETE_ON_CANCELLATION
# state.checkpoints.num-retained before Flink 2.0
execution.checkpointing.num-retained: 5
# rocksdb, or hashmap (state on the heap)
state.backend.type: rocksdb
';
ALTER TABLE draft ALTER COLUMN parameters SET NOT NULL;

-- Versions published before ran with no parameters and the cluster's defaults: they keep exactly that.
ALTER TABLE job_version ADD COLUMN parameters CLOB(64K) DEFAULT '' NOT NULL;
ALTER TABLE job_version ADD COLUMN jobmanager_cu DECIMAL(4, 2) DEFAULT 1 NOT NULL;
ALTER TABLE job_version ADD COLUMN taskmanager_cu DECIMAL(4, 2) DEFAULT 1 NOT NULL;
ALTER TABLE job_version ADD COLUMN parallelism INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE job_version ADD COLUMN runtime_mode VARCHAR(16) DEFAULT 'STREAMING' NOT NULL;
ALTER TABLE job_version ADD COLUMN log_level VARCHAR(8) DEFAULT 'INFO' NOT NULL;
