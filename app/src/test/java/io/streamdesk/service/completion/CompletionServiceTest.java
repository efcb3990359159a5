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
