package io.streamdesk.service.port;

import io.streamdesk.model.JobId;
import io.streamdesk.model.variable.FrozenVariable;
import io.streamdesk.model.variable.Variable;

import java.util.List;
import java.util.Optional;

/** Global variables (M6) and what each published version froze of them (V1). Commits before returning. */
public interface VariableStore {
    /** All of them, by name. */
    List<Variable> list();

    Optional<Variable> find(String name);

    /** Inserts or replaces the variable of that name. */
    Variable save(Variable variable);

    /** Deletes; true when it existed. */
    boolean delete(String name);

    /** Records what version {@code number} of {@code job} froze (once; a second call for the same version fails). */
    void freeze(JobId job, int number, List<FrozenVariable> values);

    /** What version {@code number} of {@code job} froze; empty when it used none (or was published before V15). */
    List<FrozenVariable> frozen(JobId job, int number);

    /** True when some version froze the secret {@code secretId}: then the secret must be kept. */
    boolean secretFrozen(String secretId);

    /** For graphs built for one concern (a benchmark): no variables, and none can be added. */
    static VariableStore none() {
        return new VariableStore() {
            @Override
            public List<Variable> list() {
                return List.of();
            }

            @Override
            public Optional<Variable> find(String name) {
                return Optional.empty();
            }

            @Override
            public Variable save(Variable variable) {
                throw new StoreException("This service graph was built without a variable store");
            }

            @Override
            public boolean delete(String name) {
                return false;
            }

            @Override
            public void freeze(JobId job, int number, List<FrozenVariable> values) {
                // nothing to freeze: there are no variables
            }

            @Override
            public List<FrozenVariable> frozen(JobId job, int number) {
                return List.of();
            }

            @Override
            public boolean secretFrozen(String secretId) {
                return false;
            }
        };
    }
}
