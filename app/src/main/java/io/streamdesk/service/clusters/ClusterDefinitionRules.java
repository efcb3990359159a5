package io.streamdesk.service.clusters;

import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.KubernetesSpec;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.InputRejectedException;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a cluster definition must satisfy before it is stored (R4), each refusal naming the field: the name (not
 * blank, at most 100 characters, unique ignoring case), the REST URL ({@link RemoteEndpoint#problemWithUrl}), the
 * user and password, the TLS files (exist, readable, at most 1 MiB) and the savepoint directory (a URI with a
 * scheme, e.g. {@code file:///shared/savepoints} or {@code s3://bucket/savepoints}).
 */
public final class ClusterDefinitionRules {
    public static final int MAX_USER_LENGTH = 200;
    public static final int MAX_PASSWORD_LENGTH = 1_000;
    public static final int MAX_SAVEPOINT_DIR_LENGTH = 2_000;
    public static final long MAX_FILE_BYTES = TlsMaterial.MAX_PEM_BYTES;
    public static final long MAX_KUBECONFIG_BYTES = 4L * 1024 * 1024;
    public static final int MAX_CONFIGURATION_KEY_LENGTH = 253;
    public static final int MAX_CONFIGURATION_VALUE_LENGTH = 4_000;
    /**
     * Flink options the FlinkDeployment gets from their own fields; a second value in the free-form configuration
     * would silently lose to one of them.
     */
    public static final Map<String, String> OWN_FIELD_OF_OPTION = Map.of(
            "taskmanager.numberOfTaskSlots", "Task slots",
            "state.savepoints.dir", "Savepoint directory",
            "execution.checkpointing.savepoint-dir", "Savepoint directory");

    private ClusterDefinitionRules() {
    }

    /** The name, stripped; refused when blank, too long, with control characters, or used by another cluster. */
    public static String requireName(String name, Collection<ClusterDefinition> others, String ownId) {
        if (name == null || name.isBlank()) {
            throw new InputRejectedException("Name: enter a name for the cluster, e.g. 'Shared prod'.");
        }
        String n = name.strip();
        if (n.length() > ClusterDefinition.MAX_NAME_LENGTH) {
            throw new InputRejectedException("Name: at most " + ClusterDefinition.MAX_NAME_LENGTH
                    + " characters (this one has " + n.length() + ").");
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw new InputRejectedException("Name: no line breaks or control characters.");
        }
        for (ClusterDefinition o : others) {
            if (!o.id().equals(ownId) && o.name().toLowerCase(Locale.ROOT).equals(n.toLowerCase(Locale.ROOT))) {
                throw new InputRejectedException("Name: the cluster " + o.id() + " is already called '" + o.name()
                        + "'; choose another name.");
            }
        }
        return n;
    }

    /** The endpoint's URL, user and TLS files, and the password when one is given. */
    public static void requireEndpoint(RemoteEndpoint endpoint, String password) {
        if (endpoint == null) {
            throw new InputRejectedException("REST URL: a remote cluster needs its REST URL, e.g. http://flink-jobmanager:8081.");
        }
        String problem = RemoteEndpoint.problemWithUrl(endpoint.restUrl());
        if (problem != null) {
            throw new InputRejectedException("REST URL: " + problem);
        }
        if (endpoint.username() != null) {
            if (endpoint.username().length() > MAX_USER_LENGTH) {
                throw new InputRejectedException("User: at most " + MAX_USER_LENGTH + " characters.");
            }
            if (endpoint.username().contains(":") || endpoint.username().chars().anyMatch(Character::isISOControl)) {
                throw new InputRejectedException("User: basic auth user names cannot contain ':' or control characters.");
            }
        }
        if (password != null && !password.isEmpty()) {
            if (endpoint.username() == null) {
                throw new InputRejectedException("User: a password needs a user; enter the user or leave the password empty.");
            }
            if (password.length() > MAX_PASSWORD_LENGTH) {
                throw new InputRejectedException("Password: at most " + MAX_PASSWORD_LENGTH + " characters.");
            }
        }
        requireFile(endpoint.caFile(), "CA file");
        requireFile(endpoint.clientCertFile(), "Client certificate");
        requireFile(endpoint.clientKeyFile(), "Client key");
        if ((endpoint.caFile() != null || endpoint.clientCertFile() != null) && !endpoint.tls()) {
            throw new InputRejectedException("REST URL: CA and client certificate files need an https:// URL.");
        }
    }

    /** A readable regular file of at most 1 MiB; null passes (not given). */
    public static void requireFile(Path file, String field) {
        if (file == null) {
            return;
        }
        if (!Files.exists(file)) {
            throw new InputRejectedException(field + ": " + file + " does not exist.");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputRejectedException(field + ": " + file + " is not a file.");
        }
        if (!Files.isReadable(file)) {
            throw new InputRejectedException(field + ": " + file + " cannot be read (permissions).");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new InputRejectedException(field + ": " + file + " is " + size + " bytes; a PEM file is at most 1 MiB.");
            }
        } catch (IOException e) {
            throw new InputRejectedException(field + ": " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** The savepoint directory stripped, or null when blank; refused unless a URI with a scheme. */
    public static String requireSavepointDirectory(String directory) {
        if (directory == null || directory.isBlank()) {
            return null;
        }
        String d = directory.strip();
        if (d.length() > MAX_SAVEPOINT_DIR_LENGTH) {
            throw new InputRejectedException("Savepoint directory: at most " + MAX_SAVEPOINT_DIR_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(d);
        } catch (URISyntaxException e) {
            throw new InputRejectedException("Savepoint directory: not a valid URI at character " + (e.getIndex() + 1)
                    + ": " + e.getReason() + ".");
        }
        if (uri.getScheme() == null || uri.getScheme().length() < 2) {
            throw new InputRejectedException("Savepoint directory: a URI with a scheme the cluster can write, e.g. "
                    + "file:///shared/savepoints or s3://bucket/savepoints (got '" + d + "').");
        }
        if (uri.getScheme().equalsIgnoreCase("file") && (uri.getPath() == null || !uri.getPath().startsWith("/"))) {
            throw new InputRejectedException("Savepoint directory: a file URI needs an absolute path, e.g. "
                    + "file:///shared/savepoints.");
        }
        if (!uri.getScheme().equalsIgnoreCase("file") && (uri.getAuthority() == null || uri.getAuthority().isBlank())) {
            throw new InputRejectedException("Savepoint directory: '" + d + "' has no bucket or host after "
                    + uri.getScheme() + "://.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InputRejectedException("Savepoint directory: no query (?...) or fragment (#...).");
        }
        return d;
    }

    /**
     * The Kubernetes settings of a cluster (R3, R4): {@link KubernetesSpec#problems()} (names, sizes, resources), the
     * kubeconfig file when one is named (exists, readable, at most 4 MiB), the free-form Flink configuration (bounded
     * keys and values, no option that has its own field) and the DNS settings (name servers are IP addresses, host
     * aliases name an IP and host names). The first problem is refused, naming its field.
     */
    public static KubernetesSpec requireKubernetes(KubernetesSpec spec) {
        if (spec == null) {
            throw new InputRejectedException("Kubernetes: a Kubernetes cluster needs its FlinkDeployment settings "
                    + "(context, namespace, deployment name, image, Flink version, resources).");
        }
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems.size() == 1 ? problems.get(0)
                    : problems.get(0) + " (and " + (problems.size() - 1) + " more: " + String.join(" ",
                    problems.subList(1, Math.min(problems.size(), 6))) + ")");
        }
        if (spec.kubeconfig() != null) {
            Path file = spec.kubeconfig();
            if (!Files.isRegularFile(file)) {
                throw new InputRejectedException("Kubeconfig: " + file + (Files.exists(file) ? " is not a file."
                        : " does not exist."));
            }
            if (!Files.isReadable(file)) {
                throw new InputRejectedException("Kubeconfig: " + file + " cannot be read (permissions).");
            }
            try {
                if (Files.size(file) > MAX_KUBECONFIG_BYTES) {
                    throw new InputRejectedException("Kubeconfig: " + file + " is larger than 4 MiB; that is not a "
                            + "kubeconfig file.");
                }
            } catch (IOException e) {
                throw new InputRejectedException("Kubeconfig: " + file + " cannot be read: " + e.getMessage());
            }
        }
        for (Map.Entry<String, String> option : spec.flinkConfiguration().entrySet()) {
            String key = option.getKey();
            if (key == null || key.isBlank() || key.length() > MAX_CONFIGURATION_KEY_LENGTH
                    || key.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new InputRejectedException("Flink configuration: '" + key + "' is not an option name (no spaces,"
                        + " at most " + MAX_CONFIGURATION_KEY_LENGTH + " characters).");
            }
            String own = OWN_FIELD_OF_OPTION.get(key);
            if (own != null) {
                throw new InputRejectedException("Flink configuration: set " + key + " with the " + own
                        + " field, not as a configuration entry.");
            }
            String value = option.getValue();
            if (value == null || value.length() > MAX_CONFIGURATION_VALUE_LENGTH) {
                throw new InputRejectedException("Flink configuration: the value of " + key + " must be at most "
                        + MAX_CONFIGURATION_VALUE_LENGTH + " characters" + (value == null ? " (it is missing)." : "."));
            }
        }
        for (KubernetesSpec.HostAlias alias : spec.hostAliases()) {
            requireIpAddress(alias.ip(), "Host alias");
            for (String host : alias.hostnames()) {
                if (host == null || host.isBlank() || host.length() > KubernetesSpec.MAX_TEXT_LENGTH
                        || !host.matches("[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?")) {
                    throw new InputRejectedException("Host alias " + alias.ip() + ": '" + host + "' is not a host name.");
                }
            }
        }
        if (spec.dns().nameservers().size() > 3) {
            throw new InputRejectedException("DNS name servers: Kubernetes takes at most 3 (got "
                    + spec.dns().nameservers().size() + ").");
        }
        for (String server : spec.dns().nameservers()) {
            requireIpAddress(server, "DNS name server");
        }
        if (spec.dns().searches().size() > 32) {
            throw new InputRejectedException("DNS search domains: Kubernetes takes at most 32.");
        }
        for (String domain : spec.dns().searches()) {
            if (domain == null || domain.isBlank() || domain.length() > KubernetesSpec.MAX_TEXT_LENGTH
                    || !domain.matches("[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?")) {
                throw new InputRejectedException("DNS search domains: '" + domain + "' is not a domain name.");
            }
        }
        return spec;
    }

    /**
     * A Kubernetes cluster's savepoint directory: required, since the JobManager's pod cannot write this desktop's
     * disk; a URI the pods can write (an object store, or a file URI on a volume every pod mounts).
     */
    public static String requireKubernetesSavepointDirectory(String directory) {
        String d = requireSavepointDirectory(directory);
        if (d == null) {
            throw new InputRejectedException("Savepoint directory: a Kubernetes cluster needs one its pods can write, "
                    + "e.g. s3://bucket/savepoints or file:///flink-data/savepoints on a volume every pod mounts "
                    + "(the pods cannot write this desktop's disk).");
        }
        return d;
    }

    /**
     * A Kubernetes cluster's optional REST URL override (for a JobManager exposed by an ingress or a load balancer);
     * null passes: the app port-forwards to the {@code <name>-rest} service.
     */
    public static void requireRestOverride(RemoteEndpoint override) {
        if (override == null) {
            return;
        }
        String problem = RemoteEndpoint.problemWithUrl(override.restUrl());
        if (problem != null) {
            throw new InputRejectedException("REST URL override: " + problem);
        }
        if (override.username() != null || override.passwordSecretId() != null) {
            throw new InputRejectedException("REST URL override: basic auth is not offered for Kubernetes clusters; "
                    + "leave the user empty.");
        }
        requireFile(override.caFile(), "CA file");
        requireFile(override.clientCertFile(), "Client certificate");
        requireFile(override.clientKeyFile(), "Client key");
        if ((override.caFile() != null || override.clientCertFile() != null) && !override.tls()) {
            throw new InputRejectedException("REST URL override: CA and client certificate files need an https:// URL.");
        }
    }

    /** An IPv4 or IPv6 literal (no name lookup: the pod template takes addresses). */
    private static void requireIpAddress(String ip, String field) {
        boolean v4 = ip != null && ip.matches("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
                + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
        boolean v6 = ip != null && ip.contains(":") && ip.length() <= 45 && ip.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            throw new InputRejectedException(field + ": '" + ip + "' is not an IP address (e.g. 10.0.0.12).");
        }
    }
}
