package io.streamdesk.model.metadata;

import java.util.List;

/** The template texts of {@link TableTemplate}: realistic option sets as Flink's connector docs name them. */
final class TableTemplates {
    private TableTemplates() {
    }

    /** Order events with an event-time watermark: the sources' columns (datagen, Kafka). */
    private static final String ORDER_EVENTS = """
            CREATE TABLE {{name}} (
              order_id BIGINT,
              customer_id INT,
              amount DECIMAL(10, 2),
              order_time TIMESTAMP(3),
              WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
            ) WITH (
            """;

    /** Totals per customer, keyed: the upserting sinks' columns (upsert-kafka, JDBC). */
    private static final String CUSTOMER_TOTALS = """
            CREATE TABLE {{name}} (
              customer_id INT,
              total DECIMAL(10, 2),
              order_count BIGINT,
              PRIMARY KEY (customer_id) NOT ENFORCED
            ) WITH (
            """;

    static final List<TableTemplate> ALL = List.of(
            new TableTemplate("datagen", "Datagen (generated rows)", "datagen",
                    "Random rows at a fixed rate: a source for trying a job without a real system.", ORDER_EVENTS + """
                      'connector' = 'datagen',
                      'rows-per-second' = '10',
                      'fields.order_id.kind' = 'sequence',
                      'fields.order_id.start' = '1',
                      'fields.order_id.end' = '1000000',
                      'fields.customer_id.min' = '1',
                      'fields.customer_id.max' = '1000',
                      'fields.amount.min' = '1',
                      'fields.amount.max' = '500'
                    )"""),
            new TableTemplate("print", "Print (task manager log)", "print",
                    "Writes every row to the task managers' standard output: a sink for looking at results.", """
                    CREATE TABLE {{name}} (
                      customer_id INT,
                      total DECIMAL(10, 2),
                      window_end TIMESTAMP(3)
                    ) WITH (
                      'connector' = 'print',
                      'print-identifier' = '{{plain}}'
                    )"""),
            new TableTemplate("blackhole", "Blackhole (discard)", "blackhole",
                    "Swallows every row: a sink for measuring a job's throughput.", """
                    CREATE TABLE {{name}} (
                      customer_id INT,
                      total DECIMAL(10, 2)
                    ) WITH (
                      'connector' = 'blackhole'
                    )"""),
            new TableTemplate("filesystem", "Filesystem (files)", "filesystem",
                    "Reads or writes files in a directory, as CSV or JSON; edit the path.", """
                    CREATE TABLE {{name}} (
                      order_id BIGINT,
                      customer_id INT,
                      amount DECIMAL(10, 2),
                      dt STRING
                    ) PARTITIONED BY (dt) WITH (
                      'connector' = 'filesystem',
                      'path' = 'file:///tmp/streamdesk/{{plain}}',
                      'format' = 'csv',
                      'sink.rolling-policy.rollover-interval' = '1 min'
                    )"""),
            new TableTemplate("kafka", "Kafka (topic)", "kafka",
                    "A Kafka topic of JSON records; edit the topic and the brokers. Needs the Kafka connector jar.", ORDER_EVENTS + """
                      'connector' = 'kafka',
                      'topic' = 'orders',
                      'properties.bootstrap.servers' = 'localhost:9092',
                      'properties.group.id' = 'streamdesk-{{plain}}',
                      'scan.startup.mode' = 'earliest-offset',
                      'format' = 'json',
                      'json.ignore-parse-errors' = 'true'
                    )"""),
            new TableTemplate("upsert-kafka", "Upsert Kafka (changelog by key)", "upsert-kafka",
                    "A compacted topic keyed by the primary key: the latest row per key. Needs the Kafka connector jar.",
                    CUSTOMER_TOTALS + """
                      'connector' = 'upsert-kafka',
                      'topic' = 'customer-totals',
                      'properties.bootstrap.servers' = 'localhost:9092',
                      'key.format' = 'json',
                      'value.format' = 'json'
                    )"""),
            new TableTemplate("jdbc", "JDBC (database table)", "jdbc",
                    "A table of a relational database (PostgreSQL, MySQL); edit the URL, table and user. Needs the"
                            + " JDBC connector and driver jars.", CUSTOMER_TOTALS + """
                      'connector' = 'jdbc',
                      'url' = 'jdbc:postgresql://localhost:5432/shop',
                      'table-name' = 'customer_totals',
                      'username' = 'flink',
                      'password' = '${jdbc_password}',
                      'sink.buffer-flush.max-rows' = '100',
                      'sink.buffer-flush.interval' = '1s'
                    )"""),
            new TableTemplate("custom", "Custom DDL", null,
                    "Write the CREATE TABLE yourself: any connector whose jar the job adds.", """
                    CREATE TABLE {{name}} (
                      id BIGINT
                    ) WITH (
                      'connector' = ''
                    )"""));
}
