-- Issue 12 (M1-M4): the metadata catalog. Catalogs hold databases, databases hold tables; a table is its DDL as the
-- user wrote it (checked with Flink's parser before it is stored), its connector (which never changes, M4) and what
-- the parser read from it for display: columns (name, type, position), the watermark and the primary key.
-- Names follow Flink's rules as the app restricts them: letters, digits and _, at most 128 characters.

CREATE TABLE metadata_catalog (
    name        VARCHAR(128)                NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

CREATE TABLE metadata_database (
    catalog_name VARCHAR(128)                NOT NULL,
    name         VARCHAR(128)                NOT NULL,
    created_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (catalog_name, name),
    CONSTRAINT fk_metadata_database_catalog FOREIGN KEY (catalog_name) REFERENCES metadata_catalog (name)
);

CREATE TABLE metadata_table (
    catalog_name  VARCHAR(128)                NOT NULL,
    database_name VARCHAR(128)                NOT NULL,
    name          VARCHAR(128)                NOT NULL,
    ddl           CLOB(64K)                   NOT NULL,
    connector     VARCHAR(200)                NOT NULL,
    -- "rowtime: expression" as Flink prints it; null without a watermark
    watermark     VARCHAR(2000),
    -- the key's columns, comma-separated, in key order; null without a primary key
    primary_key   VARCHAR(4000),
    created_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (catalog_name, database_name, name),
    CONSTRAINT fk_metadata_table_database FOREIGN KEY (catalog_name, database_name)
        REFERENCES metadata_database (catalog_name, name)
);

CREATE TABLE metadata_column (
    catalog_name  VARCHAR(128)  NOT NULL,
    database_name VARCHAR(128)  NOT NULL,
    table_name    VARCHAR(128)  NOT NULL,
    position      INT           NOT NULL,
    name          VARCHAR(128)  NOT NULL,
    type          VARCHAR(2000) NOT NULL,
    PRIMARY KEY (catalog_name, database_name, table_name, position),
    CONSTRAINT fk_metadata_column_table FOREIGN KEY (catalog_name, database_name, table_name)
        REFERENCES metadata_table (catalog_name, database_name, name) ON DELETE CASCADE
);

-- The default catalog and database always exist (M1); the app refuses to drop them.
INSERT INTO metadata_catalog (name, created_at) VALUES ('_dc', CURRENT_TIMESTAMP);
INSERT INTO metadata_database (catalog_name, name, created_at) VALUES ('_dc', '_db', CURRENT_TIMESTAMP);
