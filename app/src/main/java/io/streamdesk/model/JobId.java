package io.streamdesk.model;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** A job's immutable identity (J2): {@code cql-} followed by 8 random lowercase letters or digits. */
public record JobId(String value) {
    private static final Pattern FORMAT = Pattern.compile("cql-[a-z0-9]{8}");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final RandomGenerator RANDOM = new SecureRandom();

    public JobId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a job ID: '" + value + "' (expected cql- and 8 lowercase letters or digits)");
        }
    }

    public static JobId generate() {
        return generate(RANDOM);
    }

    public static JobId generate(RandomGenerator random) {
        StringBuilder sb = new StringBuilder("cql-");
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new JobId(sb.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
