-- Table lineage (M5): the tables each published version reads and writes, read from its SQL by Flink's parser at
-- publish (older versions in the background). A version is immutable (V1), so its lineage is computed once; it goes
-- with the version (V2) and with the job.
CREATE TABLE version_lineage (
    job_id          VARCHAR(12)   NOT NULL,
    version_number  INTEGER       NOT NULL,
    problem         VARCHAR(2000) NOT NULL DEFAULT '',
    computed_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_version_lineage PRIMARY KEY (job_id, version_number),
    CONSTRAINT fk_version_lineage_version FOREIGN KEY (job_id, version_number)
        REFERENCES job_version (job_id, number) ON DELETE CASCADE
);

-- access: READ or WRITE; origin: CATALOG (metadata catalog), SCRIPT (the script's own DDL) or EXTERNAL
CREATE TABLE version_lineage_table (
    job_id          VARCHAR(12)   NOT NULL,
    version_number  INTEGER       NOT NULL,
    access          VARCHAR(5)    NOT NULL,
    table_name      VARCHAR(600)  NOT NULL,
    origin          VARCHAR(16)   NOT NULL,
    connector       VARCHAR(100)  NOT NULL DEFAULT '',
    CONSTRAINT pk_version_lineage_table PRIMARY KEY (job_id, version_number, access, table_name),
    CONSTRAINT fk_version_lineage_table FOREIGN KEY (job_id, version_number)
        REFERENCES version_lineage (job_id, version_number) ON DELETE CASCADE,
    CONSTRAINT ck_version_lineage_access CHECK (access IN ('READ', 'WRITE'))
);

CREATE INDEX ix_version_lineage_table_name ON version_lineage_table (table_name);
