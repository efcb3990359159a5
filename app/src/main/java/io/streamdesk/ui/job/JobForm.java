package io.streamdesk.ui.job;

/**
 * A job type's own form in place of the SQL editor (J1: JAR, ETL): what the page's Save, Check and Publish do with it.
 * The form's service writes the draft's script from the form, so a publish saves the form last.
 */
public interface JobForm {
    /** On the UI thread: the work that saves the form as it is now, to run in the background (before a publish). */
    Runnable saveTask();

    /** The page's Save (Ctrl+S). */
    void save();

    /** The page's Check (F9). */
    void check();
}
