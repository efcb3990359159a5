package io.streamdesk.flink.sql;

import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.service.port.SqlSubmitException;
import org.apache.flink.table.api.TableEnvironment;

import java.util.Map;

/**
 * Registers the metadata catalog (M3) into a job's table environment, next to Flink's default catalog where the
 * script's own DDL goes.
 */
final class MetadataCatalogRegistration {

    private MetadataCatalogRegistration() {
    }

    static void register(TableEnvironment tEnv, MetadataSnapshot catalog, Map<String, String> variables) {
        if (catalog.isEmpty()) {
            return;
        }
        throw new SqlSubmitException("Metadata catalog tables are not registered yet (" + catalog.tables().size()
                + " table(s))", null);
    }
}
