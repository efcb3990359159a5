package io.streamdesk.service.clusters;

import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.RemoteEndpoint;
import io.streamdesk.service.InputRejectedException;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;

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
}
