package io.streamdesk.service.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.flink.sql.FlinkSqlVocabulary;
import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.model.sql.completion.CompletionItem;
import io.streamdesk.model.sql.completion.CompletionKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CompletionServiceTest {
    private final AtomicReference<MetadataSnapshot> catalog = new AtomicReference<>(MetadataSnapshot.EMPTY);
    private final AtomicInteger reads = new AtomicInteger();
    private final MutableClock clock = new MutableClock();
    private final CompletionService service = new CompletionService(new FlinkSqlVocabulary(), () -> {
        reads.incrementAndGet();
        return catalog.get();
    }, clock);

    @Test
    void requestsUseTheSnapshotOfTheLastRefreshAndARefreshPicksUpANewTable() {
        assertThat(service.complete("SELECT * FROM ord", 17).items()).isEmpty();
        catalog.set(new MetadataSnapshot(List.of(), List.of(new MetadataTable("_dc", "_db", "orders", "CREATE TABLE orders",
                "datagen", List.of(new MetadataColumn("id", "BIGINT")), Instant.EPOCH))));
        // not yet: a request does not read the catalog
        assertThat(service.complete("SELECT * FROM ord", 17).items()).isEmpty();
        assertThat(reads).hasValue(1);

        assertThat(service.refresh()).isTrue();
        assertThat(service.complete("SELECT * FROM ord", 17).items()).extracting(CompletionItem::insertText)
                .containsExactly("_dc._db.orders");
        assertThat(service.complete("SELECT i FROM _dc._db.orders", 8).items()).extracting(CompletionItem::label)
                .contains("id");
        // the same catalog again: the index stays
        assertThat(service.refresh()).isFalse();
    }

    @Test
    void staleAfterTheRefreshInterval() {
        service.prepare();
        assertThat(service.isStale()).isFalse();
        clock.now = clock.now.plus(CompletionService.REFRESH_AFTER).plusSeconds(1);
        assertThat(service.isStale()).isTrue();
        service.refresh();
        assertThat(service.isStale()).isFalse();
    }

    @Test
    void flinksOwnFunctionsAreProposed() {
        assertThat(service.complete("SELECT DATE_F", 13).items())
                .anyMatch(i -> i.label().equals("DATE_FORMAT") && i.kind() == CompletionKind.FUNCTION);
        assertThat(service.complete("CREATE TABLE t (a INT) WITH ('connector' = 'datagen', 'rows", 57).items())
                .extracting(CompletionItem::insertText).contains("'rows-per-second'");
    }

    @Test
    void theKafkaOptionsComeWithTheJobsOwnConnectorJar() {
        io.streamdesk.model.JobId withKafka = new io.streamdesk.model.JobId("cql-kafka001");
        io.streamdesk.model.JobId without = new io.streamdesk.model.JobId("cql-nokafka1");
        java.nio.file.Path kafka = io.streamdesk.testing.TestConnectors.kafka();
        service.withJobJars(job -> job.equals(withKafka) ? List.of(kafka) : List.of());
        service.prepare(withKafka);
        service.prepare(without);
        String ddl = "CREATE TABLE t (a INT) WITH ('connector' = 'kafka', 'value.format' = 'json', ";
        // the real jar's factory: Kafka's own keys, and the connector's name after 'connector' =
        assertThat(service.complete(ddl + "'prop", ddl.length() + 5, withKafka).items())
                .extracting(CompletionItem::label).contains("properties.bootstrap.servers", "properties.group.id");
        assertThat(service.complete(ddl + "'", ddl.length() + 1, withKafka).items())
                .extracting(CompletionItem::label).contains("topic", "scan.startup.mode");
        String value = "CREATE TABLE t (a INT) WITH ('connector' = '";
        assertThat(service.complete(value, value.length(), withKafka).items()).extracting(CompletionItem::label)
                .contains("kafka", "upsert-kafka");
        // a job without the jar does not get them: the app itself carries no Kafka connector
        assertThat(service.complete(ddl + "'prop", ddl.length() + 5, without).items()).isEmpty();
        assertThat(service.complete(value, value.length(), without).items()).extracting(CompletionItem::label)
                .contains("datagen").doesNotContain("kafka", "upsert-kafka");
        // a jar that cannot be read leaves the app's connectors
        service.withJobJars(job -> {
            throw new IllegalStateException("no such version");
        });
        service.refresh(withKafka);
        assertThat(service.complete(ddl + "'prop", ddl.length() + 5, withKafka).items()).isEmpty();
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
