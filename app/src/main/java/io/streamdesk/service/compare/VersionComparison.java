package io.streamdesk.service.compare;

/**
 * Two sides of a job compared (V3): SQL line by line, configuration key by key.
 *
 * @param leftTitle  e.g. "v3 — Join orders" or "Draft"
 * @param rightTitle the newer side
 */
public record VersionComparison(String leftTitle, String rightTitle, TextComparison sql, ConfigComparison configuration) {

    public boolean identical() {
        return sql.identical() && configuration.identical();
    }
}
