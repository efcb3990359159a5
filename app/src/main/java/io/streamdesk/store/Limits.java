package io.streamdesk.store;

import io.streamdesk.service.port.StoreException;

/**
 * Size limits of stored text (S3), the same as the column sizes in the migrations, checked before a write so
 * the user gets a sentence instead of H2's "value too long for column".
 */
final class Limits {
    static final int ID = 64;
    static final int NAME = 200;
    static final int DESCRIPTION = 1000;
    static final int PATH = 2000;
    static final int MESSAGE = 4000;
    static final int STATE = 32;
    /** SQL scripts: 1 Mi characters, far above any hand-written job. */
    static final int SQL = 1_048_576;
    /** Advanced parameters YAML text (migration V2). */
    static final int PARAMETERS = 65_536;

    private Limits() {
    }

    /** {@code value} must be present, not blank and at most {@code max} characters. */
    static String required(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new StoreException(what + " is required");
        }
        return bounded(value, what, max);
    }

    /** {@code value} may be null; when present it must be at most {@code max} characters. */
    static String bounded(String value, String what, int max) {
        if (value != null && value.length() > max) {
            throw new StoreException(what + " is too long: " + value.length() + " characters, at most " + max + " allowed");
        }
        return value;
    }

    /** For machine-written text (event messages, error texts) where keeping the record beats rejecting it. */
    static String truncated(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 1) + "\u2026";
    }
}
