package io.streamdesk.ui.prometheus;

/**
 * The job's parameter text as the Configuration tab holds it, so the Prometheus option edits the same text the user
 * sees (and the tab's autosave keeps it) instead of racing it through the store. Both methods run on the UI thread.
 */
public interface ParametersAccess {

    /** The parameters as edited now, or null while the Configuration tab has not loaded them. */
    String current();

    /** Replaces the parameters in the editor and saves them. */
    void replace(String text);
}
