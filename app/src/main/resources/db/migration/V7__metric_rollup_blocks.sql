-- Monitoring (MO1, issue 4): speed of tick-sized writes and of 7-day reads. See docs/decisions/0008-metric-store-blocks.md.
-- H2 rewrites every index page a commit touched, so a tick of 200 series keyed by series first touched ~200 pages
-- per table; keyed by time first it touches a few adjacent ones.

-- New raw samples, keyed by time first; moved to metric_raw_block (per series and hour) every few minutes.
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

-- The open (newest) 1- and 5-minute bucket of each series with its running sums (io.streamdesk.store.OpenBuckets),
-- packed 256 series to a row (shard = series id / 256) and rewritten with each append: a tick of 200 series writes
-- one row here instead of updating 400 narrow rows. A bucket goes to the narrow tables when it closes.
CREATE TABLE metric_open_buckets (
    shard BIGINT NOT NULL PRIMARY KEY,
    data  VARBINARY(100000) NOT NULL
);

-- Raw samples moved out of metric_journal, packed per series and hour (io.streamdesk.store.RawBlock): the move writes
-- one row per series instead of one per sample. Raw samples are read from metric_sample (written before V7),
-- these blocks and the journal; kept 24 h like metric_sample.
CREATE TABLE metric_raw_block (
    series_id BIGINT NOT NULL,
    block_ts  BIGINT NOT NULL,
    points    INTEGER NOT NULL,
    data      VARBINARY(1000000) NOT NULL,
    PRIMARY KEY (series_id, block_ts)
);
CREATE INDEX ix_metric_raw_block_ts ON metric_raw_block (block_ts);
