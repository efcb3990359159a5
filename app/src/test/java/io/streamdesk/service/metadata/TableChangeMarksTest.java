package io.streamdesk.service.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.lineage.JobLineage;
import io.streamdesk.model.lineage.LineageTable;
import io.streamdesk.model.lineage.TableOrigin;
import io.streamdesk.model.lineage.VersionLineage;
import io.streamdesk.model.metadata.MetadataDatabase;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Versions are marked for catalog tables changed or dropped after they were published; script tables never. */
class TableChangeMarksTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aVersionIsMarkedForATableChangedOrDroppedAfterItWasPublished() {
        JobId job = JobId.generate();
        JobVersion v1 = new JobVersion(job, 1, "INSERT ...", "first", "tester", T0);
        JobVersion v2 = new JobVersion(job, 2, "INSERT ...", "second", "tester", T0.plusSeconds(3600));
        LineageTable orders = new LineageTable("_dc._db.orders", TableOrigin.CATALOG, "kafka");
        LineageTable sink = new LineageTable("_dc._db.totals", TableOrigin.CATALOG, "jdbc");
        LineageTable local = new LineageTable("default_catalog.default_database.tmp", TableOrigin.SCRIPT, "print");
        JobLineage lineage = new JobLineage(job, "totals", List.of(
                new VersionLineage(job, 1, List.of(orders), List.of(sink, local), "", T0),
                new VersionLineage(job, 2, List.of(orders), List.of(sink), "", T0.plusSeconds(3600))), List.of());
        // orders changed between v1 and v2; totals was dropped
        MetadataSnapshot catalog = new MetadataSnapshot(List.of(new MetadataDatabase("_dc", "_db")), List.of(
                new MetadataTable("_dc", "_db", "orders", "CREATE TABLE orders ...", "kafka", List.of(),
                        T0.plusSeconds(600))));

        List<TableChangeMarks.Mark> marks = TableChangeMarks.of(lineage, List.of(v1, v2), catalog);

        assertThat(marks).extracting(m -> "v" + m.version() + " " + m.table() + (m.dropped() ? " dropped" : " changed"))
                .containsExactly("v1 _dc._db.orders changed", "v1 _dc._db.totals dropped", "v2 _dc._db.totals dropped");
        assertThat(marks.get(0).reason()).contains("changed after v1 was published");
    }
}
