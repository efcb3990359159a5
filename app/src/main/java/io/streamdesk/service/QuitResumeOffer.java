package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.SavepointRecord;


/**
 * A job the app stopped with a savepoint when it last quit, offered for a resume from that savepoint on start.
 *
 * @param run       the run that ended {@link JobRun#STOPPED_AT_QUIT}; its version is what resumes
 * @param savepoint the savepoint taken then
 */
public record QuitResumeOffer(Job job, JobRun run, SavepointRecord savepoint) {

    /** The version to run again: the one that was running. */
    public int version() {
        return run.version();
    }
}
