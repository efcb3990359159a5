package io.streamdesk.service.metadata;

/**
 * Told after a catalog table was created, changed or dropped (and stored), with its three-part name: lineage (M5)
 * and versions mark the job versions that read or write it. Called on the thread that made the change; a listener
 * that fails does not undo the change.
 */
@FunctionalInterface
public interface TableChangeListener {
    enum Change { CREATED, OPTIONS_CHANGED, DROPPED }

    void tableChanged(String qualifiedName, Change change);
}
