package io.streamdesk.service.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdesk.model.EventKinds;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobEvent;

/**
 * The JSON form of an event that alarm patterns match (AL2) and webhooks carry (AL3): the event's own fields plus
 * the job's context (folderId, clusterId, workspaceId, jobName).
 */
public final class EventJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    /** @param job the event's job, or null (cluster events, deleted jobs) */
    public static ObjectNode of(JobEvent e, Job job) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", e.id());
        n.put("kind", e.kind().name());
        n.put("label", EventKinds.label(e.kind()));
        if (e.jobId() != null) {
            n.put("jobId", e.jobId().value());
        }
        n.put("runInstance", e.runInstance());
        n.put("at", e.at().toString());
        n.put("severity", e.severity().name());
        n.put("cause", e.message());
        if (!e.evidence().isEmpty()) {
            n.put("evidence", e.evidence());
        }
        if (!e.fix().isEmpty()) {
            n.put("fix", e.fix());
        }
        if (e.clearedAt() != null) {
            n.put("clearedAt", e.clearedAt().toString());
        }
        n.put("workspaceId", "default");
        if (job != null) {
            n.put("jobName", job.name());
            n.put("folderId", job.folder());
            n.put("clusterId", job.clusterId());
        }
        return n;
    }
}
