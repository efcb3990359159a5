package io.streamdesk.model.lineage;

/** Where a table a job uses is defined (M5). */
public enum TableOrigin {
    /** A table of StreamDesk's metadata catalog (M3), e.g. {@code _dc._db.orders}: shared by every job. */
    CATALOG("metadata catalog"),
    /** A table the script creates itself (CREATE TABLE, CREATE TABLE AS): known to that script only. */
    SCRIPT("script table"),
    /** A table of a catalog the script registers itself (CREATE CATALOG), outside StreamDesk's catalog. */
    EXTERNAL("external catalog");

    private final String label;

    TableOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
