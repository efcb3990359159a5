-- Issue 11: the clusters the user registers (R4) live in the table V1 made for them ('cluster', which jobs refer to
-- by job.cluster_id). This adds how to reach a remote session cluster and where it writes savepoints. The embedded
-- local cluster keeps its row (id 'local', kind LOCAL); the app refuses to remove it.

-- Kinds as the app names them (ClusterKind): V1's REMOTE is a remote session cluster.
ALTER TABLE cluster DROP CONSTRAINT ck_cluster_kind;
UPDATE cluster SET kind = 'REMOTE_SESSION' WHERE kind = 'REMOTE';
ALTER TABLE cluster ADD CONSTRAINT ck_cluster_kind CHECK (kind IN ('LOCAL', 'REMOTE_SESSION', 'KUBERNETES'));

-- rest_url (V1) is the REST base URL, http(s)://host:port[/prefix]; null for the local cluster.
-- Basic auth: the user here; the password lives in the secret store (secrets/ in the data directory), never in the
-- database: only the id of that secret is kept.
ALTER TABLE cluster ADD COLUMN username VARCHAR(200);
ALTER TABLE cluster ADD COLUMN password_secret_id VARCHAR(100);
-- TLS: a PEM CA file to trust instead of the system trust store; a PEM client certificate and its PKCS#8 PEM key for
-- mutual TLS. Paths on this desktop.
ALTER TABLE cluster ADD COLUMN ca_file VARCHAR(4000);
ALTER TABLE cluster ADD COLUMN client_cert_file VARCHAR(4000);
ALTER TABLE cluster ADD COLUMN client_key_file VARCHAR(4000);
-- Where the cluster writes savepoints: a URI it can write (file:///shared/sp, s3://bucket/sp); null for the local one.
ALTER TABLE cluster ADD COLUMN savepoint_directory VARCHAR(2000);

-- Removing a cluster keeps its row (jobs placed on it still refer to it, and a run of one is refused naming it) but
-- sets removed_at; a removed cluster is no longer listed and its name may be used again.
ALTER TABLE cluster ADD COLUMN removed_at TIMESTAMP(9) WITH TIME ZONE;
-- Names are unique among the clusters not removed (NULLs do not collide in a unique constraint).
ALTER TABLE cluster ADD COLUMN active_name VARCHAR(200)
    GENERATED ALWAYS AS (CASE WHEN removed_at IS NULL THEN name END);
ALTER TABLE cluster ADD CONSTRAINT uq_cluster_active_name UNIQUE (workspace_id, active_name);
