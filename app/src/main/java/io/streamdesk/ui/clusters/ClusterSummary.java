package io.streamdesk.ui.clusters;

import io.streamdesk.model.ClusterHealth;
import io.streamdesk.model.ClusterState;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.jobconfig.ClusterCapacity;
import io.streamdesk.ui.Formats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One cluster as the Clusters pane shows it (R4): its definition, its state, its capacity when it answered, and the
 * jobs on it, with the texts of the list's cells and of its page.
 *
 * @param capacity null when the cluster did not report its slots (not running, unreachable)
 */
public record ClusterSummary(ClusterDefinition definition, ClusterState state, ClusterCapacity capacity,
                             List<Job> jobs, io.streamdesk.model.cluster.StateSources sources,
                             io.streamdesk.model.cluster.KubernetesSpec deployedSpec) {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Why scaling is not offered for a kind (R4: Kubernetes clusters scale in issue 13). */
    public static final String SCALE_REMOTE = "A remote session cluster's TaskManagers are managed outside StreamDesk:"
            + " scale it where it runs.";
    /** What Scale… does to the local cluster, shown on its page and in the dialog. */
    public static final String SCALE_LOCAL = "Scale\u2026 sets the local cluster's task slots (1..64, never below what"
            + " running jobs use): it restarts the cluster, and running jobs are stopped with savepoints and resumed"
            + " from them.";
    public static final String SCALE_KUBERNETES = "Scale\u2026 sets the TaskManagers' replicas, CPU and memory (never"
            + " below the task slots running jobs use); the operator applies it. Suspend and Delete stop running jobs"
            + " with a savepoint first.";
    public static final String DNS_SETTINGS = "Only for Kubernetes clusters: host aliases and DNS forwarders that go into"
            + " the pod template.";

    public ClusterSummary {
        jobs = List.copyOf(jobs);
        sources = sources == null ? io.streamdesk.model.cluster.StateSources.NONE : sources;
    }

    /** A cluster with one source of truth and no deployment (local, remote session). */
    public ClusterSummary(ClusterDefinition definition, ClusterState state, ClusterCapacity capacity, List<Job> jobs) {
        this(definition, state, capacity, jobs, null, null);
    }

    /** The FlinkDeployment's settings as last written (after a scale), else as stored; null for other kinds. */
    public io.streamdesk.model.cluster.KubernetesSpec kubernetes() {
        return deployedSpec != null ? deployedSpec : definition.kubernetes();
    }

    /** "analytics in context dev" (or "the current context"). */
    public String namespaceText() {
        io.streamdesk.model.cluster.KubernetesSpec k = kubernetes();
        return k == null ? Formats.NONE : k.namespace() + " in context "
                + (k.context() == null ? "(the kubeconfig's current one)" : k.context())
                + (k.kubeconfig() == null ? "" : " of " + k.kubeconfig());
    }

    /** "2 x 2 CPU, 4096m, 2 slots each = 4 task slots". */
    public String taskManagersText() {
        io.streamdesk.model.cluster.KubernetesSpec k = kubernetes();
        if (k == null) {
            return Formats.NONE;
        }
        return io.streamdesk.service.clusters.KubernetesSpecText.resources(k.taskManager(), true) + ", " + k.taskSlots()
                + " slots each = " + k.taskManager().replicas() * k.taskSlots() + " task slots";
    }

    /** The host aliases, name servers and search domains, one kind per line; "None" when empty. */
    public String dnsText() {
        io.streamdesk.model.cluster.KubernetesSpec k = kubernetes();
        if (k == null) {
            return DNS_SETTINGS;
        }
        List<String> lines = new java.util.ArrayList<>();
        for (io.streamdesk.model.cluster.KubernetesSpec.HostAlias a : k.hostAliases()) {
            lines.add("Host alias " + a.ip() + " \u2192 " + String.join(", ", a.hostnames()));
        }
        if (!k.dns().nameservers().isEmpty()) {
            lines.add("Name servers " + String.join(", ", k.dns().nameservers()));
        }
        if (!k.dns().searches().isEmpty()) {
            lines.add("Search domains " + String.join(", ", k.dns().searches()));
        }
        return lines.isEmpty() ? "None (the cluster's default DNS)" : String.join("\n", lines);
    }

    /** How the desktop reaches the JobManager's REST API. */
    public String restAccessText() {
        io.streamdesk.model.cluster.KubernetesSpec k = kubernetes();
        if (definition.endpoint() != null) {
            return "URL override " + definition.endpoint().restUrl();
        }
        return "Port-forward to the service " + (k == null ? "?" : k.restServiceName()) + " in " + (k == null ? "?"
                : k.namespace()) + (state.restUrl() == null ? "" : ", at " + state.restUrl() + " on this desktop");
    }

    public String id() {
        return definition.id();
    }

    public String name() {
        return definition.name();
    }

    public ClusterKind kind() {
        return definition.kind();
    }

    public ClusterHealth health() {
        return state.health();
    }

    /** "Running", or "Unreachable — last seen 15:17:20" (with the date when not today), "Stopped — never seen". */
    public String stateText(ZoneId zone, Instant now) {
        ClusterHealth h = state.health();
        if (h == ClusterHealth.RUNNING || h == ClusterHealth.STARTING) {
            return h.label();
        }
        Instant seen = state.lastSeen();
        if (seen == null) {
            return h == ClusterHealth.STOPPED ? h.label() : h.label() + " \u2014 never seen";
        }
        boolean today = LocalDate.ofInstant(seen, zone).equals(LocalDate.ofInstant(now, zone));
        return h.label() + " \u2014 last seen " + (today ? CLOCK : DAY_CLOCK).withZone(zone).format(seen);
    }

    /**
     * Whether the page of {@code other} would look the same as this one's: a refresh that only moved the last-seen
     * time of a running cluster does not rebuild the page (its buttons, focus and scroll position stay).
     */
    public boolean showsSameAs(ClusterSummary other, ZoneId zone, Instant now) {
        return other != null && definition.equals(other.definition) && state.health() == other.state.health()
                && java.util.Objects.equals(state.flinkVersion(), other.state.flinkVersion())
                && java.util.Objects.equals(state.detail(), other.state.detail())
                && java.util.Objects.equals(state.restUrl(), other.state.restUrl())
                && stateText(zone, now).equals(other.stateText(zone, now))
                && java.util.Objects.equals(capacity, other.capacity) && jobs.equals(other.jobs)
                && java.util.Objects.equals(deployedSpec, other.deployedSpec)
                && sameReadings(sources, other.sources);
    }

    /** The same sources saying the same (their last-seen times may differ: the page updates those in place). */
    private static boolean sameReadings(io.streamdesk.model.cluster.StateSources a,
                                        io.streamdesk.model.cluster.StateSources b) {
        if (a.readings().size() != b.readings().size() || !java.util.Objects.equals(a.disagreement(), b.disagreement())) {
            return false;
        }
        for (int i = 0; i < a.readings().size(); i++) {
            var x = a.readings().get(i);
            var y = b.readings().get(i);
            if (!x.source().equals(y.source()) || !x.value().equals(y.value()) || x.healthy() != y.healthy()
                    || !java.util.Objects.equals(x.detail(), y.detail())) {
                return false;
            }
        }
        return true;
    }

    public String flinkVersionText() {
        return state.flinkVersion() == null || state.flinkVersion().isBlank() ? Formats.NONE : state.flinkVersion();
    }

    /** Free / total slots: "3 / 4". */
    public String slotsText() {
        return capacity == null ? Formats.NONE : capacity.slotsAvailable() + " / " + capacity.slotsTotal();
    }

    /** Idle / total CUs: "2 / 5". */
    public String cusText() {
        return capacity == null ? Formats.NONE : cu(capacity.idleCu()) + " / " + cu(capacity.totalCu());
    }

    /** "3 (1 running)". */
    public String jobsText() {
        long active = activeJobs().size();
        return jobs.size() + (active == 0 ? "" : " (" + active + " running)");
    }

    /** The jobs that run or have an operation in flight: removing the cluster is refused while there are any. */
    public List<Job> activeJobs() {
        return jobs.stream().filter(j -> j.status() == JobStatus.RUNNING || j.status() == JobStatus.RESTARTING
                || j.status() == JobStatus.OPERATING).toList();
    }

    /** The REST URL jobs are submitted to; Flink serves its web dashboard at the same address. */
    public String restUrl() {
        RemoteEndpoint e = definition.endpoint();
        if (e != null) {
            return e.restUrl();
        }
        return state.restUrl();
    }

    /** The dashboard link, or null while the address is unknown (a local cluster that has not started). */
    public String dashboardUrl() {
        String url = restUrl();
        return url == null || url.isBlank() ? null : url + "/";
    }

    public String authText() {
        RemoteEndpoint e = definition.endpoint();
        if (e == null) {
            return "None (loopback only)";
        }
        return e.username() == null ? "None" : "Basic auth as \u201c" + e.username() + "\u201d (password in the secret store)";
    }

    public String tlsText() {
        RemoteEndpoint e = definition.endpoint();
        if (e == null || !e.tls()) {
            return e == null ? "None (loopback only)" : "None (http)";
        }
        String trust = e.caFile() == null ? "the system trust store" : "the CA file " + e.caFile();
        String mutual = e.clientCertFile() == null ? "" : "; client certificate " + e.clientCertFile() + " (mutual TLS)";
        return "https, trusting " + trust + mutual;
    }

    public String savepointText() {
        if (definition.savepointDirectory() != null) {
            return definition.savepointDirectory();
        }
        return definition.kind() == ClusterKind.LOCAL ? "Under the data directory (savepoints/<job id>)"
                : "Not set: savepoints (and stop with savepoint) are refused on this cluster until one is set with Edit";
    }

    /** Null when the cluster can be scaled here; else why not. */
    public String scaleRefusal() {
        return switch (definition.kind()) {
            case LOCAL -> null;
            case REMOTE_SESSION -> SCALE_REMOTE;
            case KUBERNETES -> null;
        };
    }

    /** The slots running jobs use now (the least a scale can go to); 0 when the cluster did not report them. */
    public int slotsInUse() {
        return capacity == null ? 0 : Math.max(0, capacity.slotsTotal() - capacity.slotsAvailable());
    }

    /** The slots the cluster reported; -1 when unknown. */
    public int slotsTotal() {
        return capacity == null ? -1 : capacity.slotsTotal();
    }

    /** Null when the cluster can be removed; else why not. */
    public String removeRefusal() {
        return definition.kind() == ClusterKind.LOCAL ? "The local cluster cannot be removed." : null;
    }

    public boolean editable() {
        return definition.kind() == ClusterKind.REMOTE_SESSION || definition.kind() == ClusterKind.KUBERNETES;
    }

    private static String cu(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
