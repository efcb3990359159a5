package io.streamdesk.testing;

import io.streamdesk.service.port.SavepointInspector;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Savepoint contents set by the test per location; an unknown location cannot be read. */
public final class FakeSavepointInspector implements SavepointInspector {
    private final Map<String, List<SavedOperatorState>> contents = new ConcurrentHashMap<>();

    public void put(String location, List<SavedOperatorState> states) {
        contents.put(location, List.copyOf(states));
    }

    @Override
    public List<SavedOperatorState> operatorStates(String location) {
        List<SavedOperatorState> states = contents.get(location);
        if (states == null) {
            throw new IllegalArgumentException("No savepoint metadata at " + location + ".");
        }
        return states;
    }
}
