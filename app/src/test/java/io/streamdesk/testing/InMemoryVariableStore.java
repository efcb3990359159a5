package io.streamdesk.testing;

import io.streamdesk.model.JobId;
import io.streamdesk.model.variable.FrozenVariable;
import io.streamdesk.model.variable.Variable;
import io.streamdesk.service.port.StoreException;
import io.streamdesk.service.port.VariableStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** VariableStore in memory, as V15's tables keep it. */
public final class InMemoryVariableStore implements VariableStore {
    private final Map<String, Variable> rows = new TreeMap<>();
    private final Map<String, List<FrozenVariable>> frozen = new TreeMap<>();

    @Override
    public synchronized List<Variable> list() {
        return List.copyOf(rows.values());
    }

    @Override
    public synchronized Optional<Variable> find(String name) {
        return Optional.ofNullable(rows.get(name));
    }

    @Override
    public synchronized Variable save(Variable variable) {
        rows.put(variable.name(), variable);
        return variable;
    }

    @Override
    public synchronized boolean delete(String name) {
        return rows.remove(name) != null;
    }

    @Override
    public synchronized void freeze(JobId job, int number, List<FrozenVariable> values) {
        if (values.isEmpty()) {
            return;
        }
        String key = job.value() + "/" + number;
        if (frozen.containsKey(key)) {
            throw new StoreException("Version " + number + " of " + job + " froze its variables already");
        }
        List<FrozenVariable> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparing(FrozenVariable::name));
        frozen.put(key, List.copyOf(sorted));
    }

    @Override
    public synchronized List<FrozenVariable> frozen(JobId job, int number) {
        return frozen.getOrDefault(job.value() + "/" + number, List.of());
    }

    @Override
    public synchronized boolean secretFrozen(String secretId) {
        return frozen.values().stream().flatMap(List::stream).anyMatch(v -> secretId.equals(v.secretId()));
    }
}
