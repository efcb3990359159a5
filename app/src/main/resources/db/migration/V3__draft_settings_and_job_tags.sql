-- Draft settings that have no column of their own yet (log level P6, Flink version and JM/TM CUs of J6), as
-- key/value rows of the draft, and job tags (J2). Both are copied by Create copy (J6).
CREATE TABLE draft_setting (
    job_id         VARCHAR(12)   NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    setting_key    VARCHAR(200)  NOT NULL,
    setting_value  VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_draft_setting PRIMARY KEY (job_id, setting_key)
);

CREATE TABLE job_tag (
    job_id     VARCHAR(12)   NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    tag_key    VARCHAR(200)  NOT NULL,
    tag_value  VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_job_tag PRIMARY KEY (job_id, tag_key)
);
