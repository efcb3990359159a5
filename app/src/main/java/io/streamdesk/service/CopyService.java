package io.streamdesk.service;

import io.streamdesk.model.ClusterProfile;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.SavepointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.model.SavepointStatus;
import io.streamdesk.service.port.JobStore;
import io.streamdesk.service.port.RunStore;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Create copy (J5, J6). A copy is a new job in the same workspace: new ID, the chosen name, folder and cluster, the
 * source's draft SQL, draft settings (adapted to the target cluster by {@link CopyRules}) and tags. It starts with no
 * versions (Unpublished, or Uninitialized when the source never saved a draft), no runs, no run time and no warning;
 * of the source's savepoints it shares only the manually triggered ones (the same files, not duplicated).
 */
public final class CopyService {
    private final JobStore jobs;
    private final RunStore runs;
    private final ClusterService clusters;
    private final JobChangeListeners listeners;
    private final Clock clock;

    public CopyService(JobStore jobs, RunStore runs, ClusterService clusters, JobChangeListeners listeners, Clock clock) {
        this.jobs = jobs;
        this.runs = runs;
        this.clusters = clusters;
        this.listeners = listeners;
        this.clock = clock;
    }

    /**
     * Where a copy goes. A blank name asks for the default ("name-copy", numbered when taken), a blank folder keeps
     * the source's folder, a blank cluster keeps the source's cluster.
     */
    public record CopyRequest(String name, String folder, String clusterId) {
        public static CopyRequest defaults() {
            return new CopyRequest(null, null, null);
        }
    }

    /** The copy, what the rules changed on the way, and how many savepoints it shares with the source. */
    public record CopyResult(Job copy, List<String> notes, int sharedSavepoints) {
    }

    /** The clusters a copy can go to. */
    public List<ClusterProfile> targets() {
        return clusters.profiles();
    }

    /** The name a copy of {@code sourceId} gets in {@code folder} when the user gives none. */
    public String suggestedName(JobId sourceId, String folder) {
        Job source = source(sourceId);
        String targetFolder = folder == null || folder.isBlank() ? source.folder() : InputLimits.requireFolder(folder);
        return CopyRules.defaultName(source.name(), namesIn(targetFolder));
    }

    /** Copies the job; refused when the name is taken in the target folder or the cluster is unknown. */
    public synchronized CopyResult copy(JobId sourceId, CopyRequest request) {
        Objects.requireNonNull(request, "request");
        Job source = source(sourceId);
        String folder = request.folder() == null || request.folder().isBlank() ? source.folder()
                : InputLimits.requireFolder(request.folder());
        List<String> taken = namesIn(folder);
        String name;
        if (request.name() == null || request.name().isBlank()) {
            name = CopyRules.defaultName(source.name(), taken);
        } else {
            name = InputLimits.requireName(request.name());
            if (taken.stream().map(CopyRules::key).anyMatch(CopyRules.key(name)::equals)) {
                throw new InputRejectedException("Name: a job named \u201c" + name + "\u201d already exists in folder "
                        + folder + "; choose another name.");
            }
        }
        String clusterId = request.clusterId() == null || request.clusterId().isBlank() ? source.clusterId() : request.clusterId();
        ClusterProfile target = clusters.profile(clusterId).orElseThrow(() ->
                new InputRejectedException("Cluster: there is no cluster \u201c" + clusterId + "\u201d to copy to."));
        Optional<ClusterProfile> sourceCluster = clusters.profile(source.clusterId());
        CopyRules.Settings settings = CopyRules.settingsFor(jobs.draftSettings(sourceId), sourceCluster.orElse(null), target);

        Optional<io.streamdesk.model.Draft> sourceDraft = jobs.findDraft(sourceId);
        String draftSql = sourceDraft.map(d -> d.sql()).orElse(null);
        Job fresh = new Job(JobId.generate(), name, folder, source.type(), target.id(), JobStatus.UNINITIALIZED, null,
                clock.instant(), Duration.ZERO, null, 0, null, null);
        // the draft's configuration (P1-P6) travels with its SQL
        CopyRules.Config config = CopyRules.configFor(sourceDraft.map(d -> d.config()).orElse(null), target);
        Job copy = jobs.createCopy(fresh, draftSql, config.config(), settings.values(), jobs.tags(sourceId));

        int shared = 0;
        List<String> notes = new ArrayList<>(settings.notes());
        notes.addAll(config.notes());
        List<SavepointRecord> savepoints = runs.listSavepoints(sourceId);
        for (int i = savepoints.size() - 1; i >= 0; i--) { // oldest first, so the copy lists them in the same order
            SavepointRecord sp = savepoints.get(i);
            if (CopyRules.sharedWithCopy(sp)) {
                runs.addSavepoint(copy.id(), 0, sp.version(), sp.location(), SavepointSource.MANUAL,
                        SavepointStatus.COMPLETED, sharedDescription(source, sp), sp.createdAt());
                shared++;
            }
        }
        if (jobs.findDraft(sourceId).isEmpty()) {
            notes.add("The source has no saved draft: the copy starts empty.");
        }
        listeners.fire(copy);
        return new CopyResult(copy, notes, shared);
    }

    private static String sharedDescription(Job source, SavepointRecord sp) {
        String text = "Shared from " + source.id() + " v" + sp.version()
                + (sp.description() == null || sp.description().isBlank() ? "" : ": " + sp.description());
        return text.length() > InputLimits.MAX_DESCRIPTION ? text.substring(0, InputLimits.MAX_DESCRIPTION) : text;
    }

    private Job source(JobId id) {
        return jobs.find(id).orElseThrow(() -> new InputRejectedException("No job with ID " + id + "."));
    }

    private List<String> namesIn(String folder) {
        return jobs.list().stream().filter(j -> j.folder().equals(folder)).map(Job::name).toList();
    }
}
