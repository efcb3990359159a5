package io.streamdesk.model.metadata;

import java.util.Objects;

/** A database of the metadata catalog (M1). */
public record MetadataDatabase(String catalog, String name) {

    public MetadataDatabase {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(name, "name");
    }

    public String qualifiedName() {
        return catalog + "." + name;
    }
}
