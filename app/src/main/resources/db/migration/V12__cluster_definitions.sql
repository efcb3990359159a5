-- Issue 11: the clusters the user registered (R4). Jobs refer to a cluster by id (job.cluster_id); the embedded
-- local cluster has a fixed row (id 'local', kind LOCAL) so that every cluster is listed the same way and its name
-- counts for uniqueness. The app refuses to remove it.
CREATE TABLE cluster_definition (
    id                  VARCHAR(40)   NOT NULL PRIMARY KEY,  -- 'local', or e.g. 'rsc-k3x9p2qa'
    name                VARCHAR(100)  NOT NULL,              -- what the Clusters pane shows; unique
    kind                VARCHAR(20)   NOT NULL,              -- ClusterKind: LOCAL, REMOTE_SESSION, KUBERNETES
    rest_url            VARCHAR(2000),                       -- http(s)://host:port[/prefix]; null for the local one
    username            VARCHAR(200),                        -- basic auth user, or null
    -- the basic auth password lives in the secret store (secrets/ in the data directory), never here: only its id
    password_secret_id  VARCHAR(100),
    ca_file             VARCHAR(4000),                       -- PEM CA to trust instead of the system trust store
    client_cert_file    VARCHAR(4000),                       -- PEM client certificate for mutual TLS
    client_key_file     VARCHAR(4000),                       -- its PKCS#8 PEM key
    savepoint_directory VARCHAR(2000),                       -- a URI the cluster writes savepoints to, e.g. s3://b/sp
    created_at          TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT cluster_definition_name_unique UNIQUE (name)
);

INSERT INTO cluster_definition (id, name, kind, created_at) VALUES ('local', 'Local cluster', 'LOCAL', CURRENT_TIMESTAMP);
