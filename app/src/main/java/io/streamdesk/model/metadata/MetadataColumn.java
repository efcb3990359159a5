package io.streamdesk.model.metadata;

import java.util.Objects;

/** A column of a catalog table as Flink resolved it: its name and its SQL type, e.g. {@code BIGINT NOT NULL}. */
public record MetadataColumn(String name, String type) {

    public MetadataColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
