package io.streamdesk.model.dependency;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of a dependency as a job references it (DP3, V1): its name (the file name), its version number and
 * the SHA-256 of its content, frozen into a published version so that what a version froze is what it runs.
 *
 * @param sha256 lowercase hex; may be null only in a ref parsed from user input before it is resolved
 */
public record DependencyRef(String name, int version, String sha256) {

    private static final Pattern TEXT = Pattern.compile("(.+)@(\\d{1,4})");

    public DependencyRef {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a dependency name cannot be blank");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a dependency version starts at 1: " + version);
        }
    }

    /** {@code NAME@VERSION} as the CLI takes it (the hash unknown until resolved); refused with the expected form. */
    public static DependencyRef parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not NAME@VERSION (e.g. flink-sql-connector-kafka.jar@2)");
        }
        return new DependencyRef(m.group(1), Integer.parseInt(m.group(2)), null);
    }

    public DependencyRef withSha256(String hash) {
        return new DependencyRef(name, version, hash);
    }

    @Override
    public String toString() {
        return name + "@" + version;
    }
}
