-- Monitoring (MO1, issue 4): closed rollup buckets packed per series and block of time, so that a 7-day chart at
-- 1 minute decodes 168 rows per series instead of 10,080. Still narrow (series id, block start, bytes); the bytes
-- hold the block's non-empty buckets (io.streamdesk.store.RollupBlock). The open block of each series stays in
-- metric_rollup_1m / metric_rollup_5m until it closes; a bucket found in both is read from the narrow table.
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
