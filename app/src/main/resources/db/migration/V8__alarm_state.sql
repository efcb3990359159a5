-- Alarm state survives a restart (AL1-AL3): what the evaluator knows of each alarm, and how far it read the events.

-- One row per alarm: a rule for a job ('' when the rule watches workspace events without a job).
CREATE TABLE alarm_state (
    rule_id      BIGINT        NOT NULL,
    job_id       VARCHAR(12)   NOT NULL,
    triggered    BOOLEAN       NOT NULL,
    event_id     BIGINT,
    owes_clear   BOOLEAN       NOT NULL,
    message      VARCHAR(4000) NOT NULL,
    -- the newest state changes (flap suppression), ISO-8601 instants separated by spaces, oldest first
    changes      VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_alarm_state PRIMARY KEY (rule_id, job_id)
);

-- A single row: event alarms have read the events before this instant.
CREATE TABLE alarm_cursor (
    id                    INTEGER NOT NULL PRIMARY KEY,
    events_checked_until  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_alarm_cursor_single CHECK (id = 1)
);
