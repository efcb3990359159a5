package io.streamdesk.model.variable;

import java.time.Instant;
import java.util.Objects;

/**
 * A global variable (M6): {@code ${name}} in job SQL stands for its value. A secret variable keeps its value in the
 * secret store; here it has only the id of that secret ({@code value} is null), and it is shown masked.
 */
public record Variable(String name, String value, String secretId, String description, Instant updatedAt) {
    public static final String MASK = "••••••";

    public Variable {
        Objects.requireNonNull(name, "name");
        if ((value == null) == (secretId == null)) {
            throw new IllegalArgumentException("A variable has either a value or a secret");
        }
        description = description == null ? "" : description;
    }

    public boolean secret() {
        return secretId != null;
    }

    /** What the list shows: the value, or a mask for a secret. */
    public String shownValue() {
        return secret() ? MASK : value;
    }

    @Override
    public String toString() {
        return "Variable[" + name + (secret() ? ", secret " + secretId : ", " + value) + "]";
    }
}
