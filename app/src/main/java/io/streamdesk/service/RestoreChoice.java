package io.streamdesk.service;

/** How a run starts (J5, V4): fresh, from the job's latest checkpoint or savepoint, or from a chosen path. */
public record RestoreChoice(Kind kind, String path) {
    public enum Kind { FRESH, LATEST, PATH }

    public static RestoreChoice fresh() {
        return new RestoreChoice(Kind.FRESH, null);
    }

    public static RestoreChoice latest() {
        return new RestoreChoice(Kind.LATEST, null);
    }

    public static RestoreChoice path(String path) {
        if (path == null || path.isBlank()) {
            throw new InputRejectedException("Savepoint: choose a savepoint path to restore from.");
        }
        return new RestoreChoice(Kind.PATH, path.strip());
    }
}
