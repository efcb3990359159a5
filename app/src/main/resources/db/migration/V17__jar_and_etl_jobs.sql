-- Job types (J1): the form of a JAR job (main jar as a dependency version, entry class, arguments, parallelism) and of
-- an ETL job (source and sink table of the metadata catalog, field mapping, filter), for the draft and frozen into
-- each published version (V1). A version's row goes with the version; a draft's with the job.
CREATE TABLE jar_job_draft (
    job_id            VARCHAR(12)   NOT NULL PRIMARY KEY REFERENCES job (id) ON DELETE CASCADE,
    main_jar_name     VARCHAR(255),
    main_jar_version  INTEGER,
    main_jar_sha256   VARCHAR(64),
    entry_class       VARCHAR(1000) NOT NULL,
    arguments         VARCHAR(10000) NOT NULL,
    parallelism       INTEGER       NOT NULL,
    saved_at          TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

CREATE TABLE jar_job_version (
    job_id            VARCHAR(12)   NOT NULL,
    number            INTEGER       NOT NULL,
    main_jar_name     VARCHAR(255)  NOT NULL,
    main_jar_version  INTEGER       NOT NULL,
    main_jar_sha256   VARCHAR(64)   NOT NULL,
    entry_class       VARCHAR(1000) NOT NULL,
    arguments         VARCHAR(10000) NOT NULL,
    parallelism       INTEGER       NOT NULL,
    CONSTRAINT pk_jar_job_version PRIMARY KEY (job_id, number),
    CONSTRAINT fk_jar_job_version FOREIGN KEY (job_id, number) REFERENCES job_version (job_id, number) ON DELETE CASCADE
);

CREATE TABLE etl_job_draft (
    job_id            VARCHAR(12)   NOT NULL PRIMARY KEY REFERENCES job (id) ON DELETE CASCADE,
    source_catalog    VARCHAR(255),
    source_database   VARCHAR(255),
    source_table      VARCHAR(255),
    sink_catalog      VARCHAR(255),
    sink_database     VARCHAR(255),
    sink_table        VARCHAR(255),
    mappings_json     CLOB(2M)      NOT NULL,
    filter            VARCHAR(4000) NOT NULL,
    saved_at          TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

CREATE TABLE etl_job_version (
    job_id            VARCHAR(12)   NOT NULL,
    number            INTEGER       NOT NULL,
    source_catalog    VARCHAR(255)  NOT NULL,
    source_database   VARCHAR(255)  NOT NULL,
    source_table      VARCHAR(255)  NOT NULL,
    sink_catalog      VARCHAR(255)  NOT NULL,
    sink_database     VARCHAR(255)  NOT NULL,
    sink_table        VARCHAR(255)  NOT NULL,
    mappings_json     CLOB(2M)      NOT NULL,
    filter            VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_etl_job_version PRIMARY KEY (job_id, number),
    CONSTRAINT fk_etl_job_version FOREIGN KEY (job_id, number) REFERENCES job_version (job_id, number) ON DELETE CASCADE
);
