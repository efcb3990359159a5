package io.streamdesk.model.variable;

import java.util.Objects;

/**
 * The value of a variable as a published version froze it (V1): a plain value, or the id of the secret a secret
 * variable had at publish (never its plaintext).
 */
public record FrozenVariable(String name, String value, String secretId) {
    public FrozenVariable {
        Objects.requireNonNull(name, "name");
        if ((value == null) == (secretId == null)) {
            throw new IllegalArgumentException("A frozen variable has either a value or a secret");
        }
    }

    public static FrozenVariable of(Variable v) {
        return new FrozenVariable(v.name(), v.value(), v.secretId());
    }

    public boolean secret() {
        return secretId != null;
    }
}
