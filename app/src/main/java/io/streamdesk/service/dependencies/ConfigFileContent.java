package io.streamdesk.service.dependencies;

/**
 * The content of a configuration file version (DP2) as text, or {@code binary} when it is not UTF-8 text (then
 * {@code text} is empty). Bounded by the 2 MB limit of the kind.
 */
public record ConfigFileContent(String name, int version, long size, String text, boolean binary) {
}
