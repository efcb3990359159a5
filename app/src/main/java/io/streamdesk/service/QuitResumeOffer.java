package io.streamdesk.service;

import io.streamdesk.model.Job;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.SavepointRecord;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** A local savepoint whose folder is gone is not offered; one on other storage is (Flink checks it on start). */
    static boolean stillExists(String location) {
        if (location == null) {
            return false;
        }
        try {
            URI uri = URI.create(location);
            if (uri.getScheme() == null) {
                return Files.exists(Path.of(location));
            }
            return !"file".equals(uri.getScheme()) || Files.exists(Path.of(uri));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return true;
        }
    }
}
