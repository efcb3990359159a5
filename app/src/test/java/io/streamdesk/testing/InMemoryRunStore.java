package io.streamdesk.testing;

import io.streamdesk.model.JobId;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.service.port.RunStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** RunStore in memory: instances count up from 1 per job, lists are newest first. */
public final class InMemoryRunStore implements RunStore {
    private final List<JobRun> runs = new ArrayList<>();
    private final List<SavepointRecord> savepoints = new ArrayList<>();

    @Override
    public synchronized JobRun startRun(JobId id, int version, String flinkJobId, String restoredFrom, Instant startedAt) {
        int instance = listRuns(id).size() + 1;
        JobRun run = new JobRun(id, instance, version, flinkJobId, restoredFrom, startedAt, null, null);
        runs.add(run);
        return run;
    }

    @Override
    public synchronized void endRun(JobId id, int instance, String endState, Instant endedAt, String reason) {
        end(id, instance, endState, endedAt, null, null, reason);
    }

    @Override
    public synchronized void finishRun(JobId id, int instance, Instant endedAt, Long recordsRead, Long recordsWritten) {
        end(id, instance, JobRun.FINISHED, endedAt, recordsRead, recordsWritten, null);
    }

    private void end(JobId id, int instance, String endState, Instant endedAt, Long read, Long written, String reason) {
        for (int i = 0; i < runs.size(); i++) {
            JobRun r = runs.get(i);
            if (r.jobId().equals(id) && r.instance() == instance) {
                runs.set(i, new JobRun(id, instance, r.version(), r.flinkJobId(), r.restoredFrom(), r.startedAt(),
                        endedAt, endState, read, written, reason));
            }
        }
    }

    @Override
    public synchronized List<JobRun> listRuns(JobId id) {
        return runs.stream().filter(r -> r.jobId().equals(id))
                .sorted(Comparator.comparingInt(JobRun::instance).reversed()).toList();
    }

    @Override
    public synchronized Optional<JobRun> liveRun(JobId id) {
        return listRuns(id).stream().filter(r -> r.endedAt() == null).findFirst();
    }

    @Override
    public synchronized SavepointRecord addSavepoint(JobId id, int runInstance, int version, String location,
                                                     SavepointSource source, SavepointStatus status,
                                                     String description, Instant createdAt) {
        SavepointRecord record = new SavepointRecord(savepoints.size() + 1, id, runInstance, version, location, source,
                status, description, createdAt);
        savepoints.add(record);
        return record;
    }

    @Override
    public synchronized List<SavepointRecord> listSavepoints(JobId id) {
        return savepoints.stream().filter(s -> s.jobId().equals(id))
                .sorted(Comparator.comparingLong(SavepointRecord::id).reversed()).toList();
    }
}
