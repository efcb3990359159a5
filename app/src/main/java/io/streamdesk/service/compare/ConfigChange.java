package io.streamdesk.service.compare;

/**
 * One configuration key that differs between two versions. Values are already masked for secret keys.
 *
 * @param oldValue the value on the left (older) side, "" when added
 * @param newValue the value on the right (newer) side, "" when removed
 */
public record ConfigChange(String key, Kind kind, String oldValue, String newValue, boolean secret) {

    public enum Kind {
        ADDED("Added"), REMOVED("Removed"), CHANGED("Changed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
