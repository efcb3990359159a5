package io.streamdesk.testing;

import io.streamdesk.model.cluster.ClusterDefinition;
import io.streamdesk.model.cluster.ClusterKind;
import io.streamdesk.service.port.ClusterConnection;
import io.streamdesk.service.port.ClusterDefinitionStore;
import io.streamdesk.service.port.StoreException;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ClusterDefinitionStore in memory, with the fixed row of the local cluster as migration V12 inserts it. */
public final class InMemoryClusterDefinitionStore implements ClusterDefinitionStore {
    private final Map<String, ClusterDefinition> rows = new LinkedHashMap<>();

    public InMemoryClusterDefinitionStore() {
        rows.put(ClusterConnection.DEFAULT_CLUSTER_ID, new ClusterDefinition(ClusterConnection.DEFAULT_CLUSTER_ID,
                "Local cluster", ClusterKind.LOCAL, null, null, Instant.now()));
    }

    @Override
    public synchronized List<ClusterDefinition> list() {
        return rows.values().stream().sorted(Comparator.comparing(ClusterDefinition::createdAt)
                .thenComparing(ClusterDefinition::id)).toList();
    }

    @Override
    public synchronized Optional<ClusterDefinition> find(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized ClusterDefinition create(ClusterDefinition definition) {
        if (rows.containsKey(definition.id()) || nameTaken(definition)) {
            throw new StoreException("A cluster named '" + definition.name() + "' (or with ID '" + definition.id()
                    + "') exists.");
        }
        rows.put(definition.id(), definition);
        return definition;
    }

    @Override
    public synchronized ClusterDefinition update(ClusterDefinition definition) {
        ClusterDefinition old = rows.get(definition.id());
        if (old == null) {
            throw new StoreException("No cluster with ID '" + definition.id() + "'.");
        }
        if (nameTaken(definition)) {
            throw new StoreException("A cluster named '" + definition.name() + "' exists.");
        }
        ClusterDefinition kept = new ClusterDefinition(old.id(), definition.name(), old.kind(), definition.endpoint(),
                definition.savepointDirectory(), old.createdAt(),
                old.kind() == ClusterKind.KUBERNETES ? definition.kubernetes() : null);
        rows.put(kept.id(), kept);
        return kept;
    }

    @Override
    public synchronized boolean delete(String id) {
        return rows.remove(id) != null;
    }

    private boolean nameTaken(ClusterDefinition d) {
        return rows.values().stream().anyMatch(o -> !o.id().equals(d.id()) && o.name().equals(d.name()));
    }
}
