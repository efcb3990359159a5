package io.streamdesk.service.port;

import io.streamdesk.model.cluster.ClusterDefinition;

import java.util.List;
import java.util.Optional;

/** The clusters the user registered (R4). Commits before returning; names are unique. */
public interface ClusterDefinitionStore {
    /** All of them, oldest first. */
    List<ClusterDefinition> list();

    Optional<ClusterDefinition> find(String id);

    /** Inserts; fails with {@link StoreException} when the id or the name exists. */
    ClusterDefinition create(ClusterDefinition definition);

    /** Replaces name, endpoint and savepoint directory of an existing one (kind and creation time stay). */
    ClusterDefinition update(ClusterDefinition definition);

    /** Deletes; true when it existed. */
    boolean delete(String id);
}
