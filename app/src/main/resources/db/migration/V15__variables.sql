-- Issue 12 (M2, M6, V1): global variables, written as dollar-brace name brace (with an optional default) in job SQL
-- and table options.
-- A secret variable's value is not a column: it lives in the secret store (secrets/ in the data directory) and only
-- the id of that secret is kept here (S2). Exactly one of value and secret_id is set.
CREATE TABLE variable (
    workspace_id  VARCHAR(64)   NOT NULL REFERENCES workspace (id),
    name          VARCHAR(64)   NOT NULL,
    var_value     VARCHAR(4096),
    secret_id     VARCHAR(100),
    description   VARCHAR(1000) NOT NULL,
    updated_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_variable PRIMARY KEY (workspace_id, name),
    CONSTRAINT ck_variable_value CHECK ((var_value IS NULL) <> (secret_id IS NULL))
);

-- What a published version froze (V1: what a version froze is what it runs): the value of each variable its SQL uses,
-- taken when it was published. A secret variable froze the id of its secret at that time (a new value is a new
-- secret, so the old id stays valid for the versions that froze it). Variables the SQL used that did not exist then
-- are not listed: the version runs with their defaults.
CREATE TABLE job_version_variable (
    job_id        VARCHAR(12)   NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    version       INTEGER       NOT NULL,
    name          VARCHAR(64)   NOT NULL,
    var_value     VARCHAR(4096),
    secret_id     VARCHAR(100),
    CONSTRAINT pk_job_version_variable PRIMARY KEY (job_id, version, name),
    CONSTRAINT ck_job_version_variable_value CHECK ((var_value IS NULL) <> (secret_id IS NULL))
);
CREATE INDEX ix_job_version_variable_secret ON job_version_variable (secret_id);
