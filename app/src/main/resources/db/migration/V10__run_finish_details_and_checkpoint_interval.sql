-- J4 "Finished": a bounded or batch run that Flink ran to its end keeps the record counts Flink reported
-- (end time and end state already have columns). NULL when unknown (every other end, and runs before V10).
ALTER TABLE job_run ADD COLUMN records_read BIGINT;
ALTER TABLE job_run ADD COLUMN records_written BIGINT;

-- P3: periodic checkpoints are on by default. Drafts saved before V10 lack execution.checkpointing.interval,
-- so "run from the latest checkpoint" had nothing to restore and a crash lost all state: such drafts get the
-- default line, with a comment, after their checkpointing mode (or at the end when they have none).
-- A draft that names the key at all (even commented out or set to another value) is left as the user wrote it.
-- Published versions stay as they were frozen (V1).
UPDATE draft SET parameters = REPLACE(parameters,
    'execution.checkpointing.mode: EXACTLY_ONCE',
    '# periodic checkpoints: what "run from the latest checkpoint" restores after a stop or a crash
execution.checkpointing.interval: 60 s
execution.checkpointing.mode: EXACTLY_ONCE')
WHERE parameters NOT LIKE '%execution.checkpointing.interval%'
  AND parameters LIKE '%execution.checkpointing.mode: EXACTLY_ONCE%';

UPDATE draft SET parameters = parameters
    || CASE WHEN parameters = '' OR RIGHT(parameters, 1) = CHAR(10) THEN '' ELSE CHAR(10) END
    || '# periodic checkpoints: what "run from the latest checkpoint" restores after a stop or a crash
execution.checkpointing.interval: 60 s
'
WHERE parameters NOT LIKE '%execution.checkpointing.interval%';
