-- Monitoring (MO1, issue 4): speed of tick-sized writes and of 7-day reads. See docs/decisions/0008-metric-store-blocks.md.
-- H2 rewrites every index page a commit touched, so a tick of 200 series keyed by series first touched ~200 pages
-- per table; keyed by time first it touches a few adjacent ones.

-- New raw samples, keyed by time first; moved to metric_sample (keyed by series) every few minutes.
CREATE TABLE metric_journal (
    ts        BIGINT NOT NULL,
    series_id BIGINT NOT NULL,
    val       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (ts, series_id)
);

-- The narrow rollup tables now hold only the recent buckets (the open ones and those not packed yet), keyed by time
-- first; older buckets are packed into the block tables below.
ALTER TABLE metric_rollup_1m DROP PRIMARY KEY;
DROP INDEX ix_metric_rollup_1m_ts;
ALTER TABLE metric_rollup_1m ADD CONSTRAINT pk_metric_rollup_1m PRIMARY KEY (ts, series_id);
ALTER TABLE metric_rollup_5m DROP PRIMARY KEY;
DROP INDEX ix_metric_rollup_5m_ts;
ALTER TABLE metric_rollup_5m ADD CONSTRAINT pk_metric_rollup_5m PRIMARY KEY (ts, series_id);

-- Closed rollup buckets packed per series and block of time (io.streamdesk.store.RollupBlock): a 7-day chart at 1
-- minute reads 168 rows per series instead of 10,080. A bucket found in both a narrow row and a block is read from
-- the narrow row (it is the newer).
-- 1-minute buckets, one block per hour (at most 60), kept 7 days.
CREATE TABLE metric_block_1m (
    series_id BIGINT NOT NULL,
    block_ts  BIGINT NOT NULL,
    points    INTEGER NOT NULL,
    data      VARBINARY(20000) NOT NULL,
    PRIMARY KEY (series_id, block_ts)
);
CREATE INDEX ix_metric_block_1m_ts ON metric_block_1m (block_ts);

-- 5-minute buckets, one block per day (at most 288), kept 90 days.
CREATE TABLE metric_block_5m (
    series_id BIGINT NOT NULL,
    block_ts  BIGINT NOT NULL,
    points    INTEGER NOT NULL,
    data      VARBINARY(20000) NOT NULL,
    PRIMARY KEY (series_id, block_ts)
);
CREATE INDEX ix_metric_block_5m_ts ON metric_block_5m (block_ts);
