package io.streamdesk.ui.fake;

import io.streamdesk.model.JobId;
import io.streamdesk.model.JobRun;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.service.port.RunStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class InMemoryRunStore implements RunStore {
    private final List<JobRun> runs = new ArrayList<>();
    private final List<SavepointRecord> savepoints = new ArrayList<>();

    @Override
    public synchronized JobRun startRun(JobId id, int version, String flinkJobId, String restoredFrom, Instant startedAt) {
        int instance = (int) runs.stream().filter(r -> r.jobId().equals(id)).count() + 1;
        JobRun run = new JobRun(id, instance, version, flinkJobId, restoredFrom, startedAt, null, null);
        runs.add(run);
        return run;
    }

    @Override
    public synchronized void endRun(JobId id, int instance, String endState, Instant endedAt) {
        for (int i = 0; i < runs.size(); i++) {
            JobRun r = runs.get(i);
            if (r.jobId().equals(id) && r.instance() == instance) {
                runs.set(i, new JobRun(id, instance, r.version(), r.flinkJobId(), r.restoredFrom(), r.startedAt(), endedAt, endState));
            }
        }
    }

    @Override
    public synchronized List<JobRun> listRuns(JobId id) {
        List<JobRun> list = new ArrayList<>(runs.stream().filter(r -> r.jobId().equals(id)).toList());
        java.util.Collections.reverse(list);
        return list;
    }

    @Override
    public synchronized Optional<JobRun> liveRun(JobId id) {
        return runs.stream().filter(r -> r.jobId().equals(id) && r.endedAt() == null).findFirst();
    }

    @Override
    public synchronized SavepointRecord addSavepoint(JobId id, int runInstance, int version, String location,
                                                     SavepointSource source, SavepointStatus status, String description,
                                                     Instant createdAt) {
        SavepointRecord s = new SavepointRecord(savepoints.size() + 1, id, runInstance, version, location, source, status,
                description, createdAt);
        savepoints.add(s);
        return s;
    }

    @Override
    public synchronized List<SavepointRecord> listSavepoints(JobId id) {
        List<SavepointRecord> list = new ArrayList<>(savepoints.stream().filter(s -> s.jobId().equals(id)).toList());
        java.util.Collections.reverse(list);
        return list;
    }
}
