-- Deleting a version (V2) keeps its number here, so the next publish never hands that number out again: runs,
-- savepoints and events that name "v3" keep meaning the version that was deleted, not a newer one.
CREATE TABLE deleted_job_version (
    job_id      VARCHAR(12)  NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    number      INTEGER      NOT NULL,
    deleted_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_deleted_job_version PRIMARY KEY (job_id, number)
);
