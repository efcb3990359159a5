package io.streamdesk.service.port;

import java.util.List;

/** Reads the operator states recorded in a savepoint's or checkpoint's {@code _metadata} with Flink's own classes. */
public interface SavepointInspector {

    /**
     * @param location the savepoint directory (a {@code file:} URI or a path) or its {@code _metadata} file
     * @throws IllegalArgumentException with a user-facing message when it cannot be read
     */
    List<SavedOperatorState> operatorStates(String location);

    /**
     * One operator's entry in the savepoint.
     *
     * @param hasState whether any subtask (or the operator coordinator) stored state; entries without state never
     *                 block a restore
     */
    record SavedOperatorState(String operatorId, String name, String uid, int parallelism, int maxParallelism,
                              boolean hasState, long stateSize) {
        /** The operator's name when the savepoint recorded one, else its ID. */
        public String label() {
            return name != null && !name.isBlank() ? name : uid != null && !uid.isBlank() ? "uid " + uid : operatorId;
        }
    }
}
