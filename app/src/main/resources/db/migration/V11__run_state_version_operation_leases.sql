-- Issue 10, section 3 "Nothing lost, no double submits".

-- An optimistic version of the job's run-state columns (status, online_version, run_started_at, run_instance,
-- flink_job_id, cumulative_run_ms, warning_*). Every run-state write names the version it read and raises it by
-- one; a write with an older version is refused, so a stale status write never reverts a newer one. Renames
-- (name, folder) are written on their own and do not raise it: they can never meet a status write on a column.
ALTER TABLE job ADD COLUMN run_state_version BIGINT NOT NULL DEFAULT 0;

-- An operation in flight on a job (run, stop, status reconcile), visible to every process on the data directory
-- (the app and the CLI share the H2 file through AUTO_SERVER). One row per job at most: taking it is an INSERT, or
-- an UPDATE of a row that has expired or whose owner process is gone; the owner renews expires_at while it works
-- and deletes the row at the end.
CREATE TABLE job_operation_lease (
    job_id            VARCHAR(12)  NOT NULL PRIMARY KEY REFERENCES job (id) ON DELETE CASCADE,
    operation         VARCHAR(40)  NOT NULL,
    owner_id          VARCHAR(300) NOT NULL,   -- pid@host@process start, unique per process
    owner_pid         BIGINT       NOT NULL,
    owner_host        VARCHAR(200) NOT NULL,
    owner_started_at  TIMESTAMP(9) WITH TIME ZONE,
    acquired_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

-- Why a run ended, in words ("stopped at quit"), next to end_state (STOPPED, CANCELED, FAILED, LOST).
ALTER TABLE job_run ADD COLUMN end_reason VARCHAR(200);
