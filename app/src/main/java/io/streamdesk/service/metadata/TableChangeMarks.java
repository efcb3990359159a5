package io.streamdesk.service.metadata;

import io.streamdesk.model.JobVersion;
import io.streamdesk.model.lineage.JobLineage;
import io.streamdesk.model.lineage.LineageTable;
import io.streamdesk.model.lineage.TableOrigin;
import io.streamdesk.model.lineage.VersionLineage;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * "Changing a table marks the job versions that use it" (M1): a version is marked for each metadata-catalog table it
 * reads or writes (its lineage, M5) that was changed after the version was published, or that no longer exists. The
 * marks are derived, not stored: a version froze its SQL, not the tables' options, so what it would run with now is
 * the catalog's current state, and the mark says so.
 */
public final class TableChangeMarks {
    /** One catalog table a version uses that changed (or was dropped) after the version was published. */
    public record Mark(int version, String table, boolean dropped, String reason) {
    }

    private TableChangeMarks() {
    }

    public static List<Mark> of(JobLineage lineage, List<JobVersion> versions, MetadataSnapshot catalog) {
        Map<Integer, JobVersion> byNumber = versions.stream()
                .collect(Collectors.toMap(JobVersion::number, Function.identity(), (a, b) -> a));
        List<Mark> marks = new ArrayList<>();
        for (VersionLineage v : lineage.versions()) {
            JobVersion version = byNumber.get(v.version());
            if (version == null) {
                continue;
            }
            Stream.concat(v.reads().stream(), v.writes().stream())
                    .filter(t -> t.origin() == TableOrigin.CATALOG)
                    .map(LineageTable::name).distinct().sorted()
                    .forEach(name -> mark(version, name, catalog.table(name)).ifPresent(marks::add));
        }
        return marks;
    }

    private static Optional<Mark> mark(JobVersion version, String name, Optional<MetadataTable> table) {
        if (table.isEmpty()) {
            return Optional.of(new Mark(version.number(), name, true, name + " was dropped from the metadata catalog"
                    + " after v" + version.number() + " was published: this version fails its next check and run."));
        }
        if (table.get().updatedAt() != null && table.get().updatedAt().isAfter(version.createdAt())) {
            return Optional.of(new Mark(version.number(), name, false, name + " changed after v" + version.number()
                    + " was published: this version runs with the table's current options."));
        }
        return Optional.empty();
    }
}
