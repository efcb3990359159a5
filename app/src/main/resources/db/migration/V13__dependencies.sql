-- Issue 12: dependencies (DP1-DP4). A dependency is an uploaded JAR or configuration file; its name is the file's
-- name and never changes. Each upload of the same name is a new immutable version; the file itself is kept in the
-- data directory (dependencies/, content-addressed by its SHA-256): these tables hold the metadata only.

CREATE TABLE dependency (
    name          VARCHAR(200) NOT NULL PRIMARY KEY,
    kind          VARCHAR(16)  NOT NULL,
    -- the number the next upload gets: numbers are never reused, also after a version was removed
    next_version  INTEGER      NOT NULL,
    created_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_dependency_kind CHECK (kind IN ('JAR', 'CONFIG_FILE')),
    CONSTRAINT ck_dependency_next_version CHECK (next_version >= 1)
);

CREATE TABLE dependency_version (
    dependency_name  VARCHAR(200)  NOT NULL REFERENCES dependency (name),
    version          INTEGER       NOT NULL,
    description      VARCHAR(1000) NOT NULL,
    sha256           CHAR(64)      NOT NULL,
    size_bytes       BIGINT        NOT NULL,
    created_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_dependency_version PRIMARY KEY (dependency_name, version),
    CONSTRAINT ck_dependency_version_number CHECK (version >= 1),
    CONSTRAINT ck_dependency_version_size CHECK (size_bytes >= 0)
);
CREATE INDEX ix_dependency_version_sha ON dependency_version (sha256);

-- The dependency versions a draft references (DP3, DP4), in the order the user chose them; one version per dependency.
-- The foreign key is what keeps a referenced version from being removed, even past the app's own check.
CREATE TABLE draft_dependency (
    job_id           VARCHAR(12)  NOT NULL REFERENCES draft (job_id) ON DELETE CASCADE,
    position         INTEGER      NOT NULL,
    dependency_name  VARCHAR(200) NOT NULL,
    version          INTEGER      NOT NULL,
    sha256           CHAR(64)     NOT NULL,
    CONSTRAINT pk_draft_dependency PRIMARY KEY (job_id, dependency_name),
    CONSTRAINT fk_draft_dependency_version FOREIGN KEY (dependency_name, version)
        REFERENCES dependency_version (dependency_name, version)
);
CREATE INDEX ix_draft_dependency_version ON draft_dependency (dependency_name, version);

-- What a published version froze (V1): the same, per job version; deleting the job version (V2) releases them.
CREATE TABLE job_version_dependency (
    job_version_id   BIGINT       NOT NULL REFERENCES job_version (id) ON DELETE CASCADE,
    position         INTEGER      NOT NULL,
    dependency_name  VARCHAR(200) NOT NULL,
    version          INTEGER      NOT NULL,
    sha256           CHAR(64)     NOT NULL,
    CONSTRAINT pk_job_version_dependency PRIMARY KEY (job_version_id, dependency_name),
    CONSTRAINT fk_job_version_dependency_version FOREIGN KEY (dependency_name, version)
        REFERENCES dependency_version (dependency_name, version)
);
CREATE INDEX ix_job_version_dependency_version ON job_version_dependency (dependency_name, version);
