package io.streamdesk.service.compare;

/**
 * How two texts are compared.
 *
 * @param ignoreTrailingWhitespace lines that differ only in spaces/tabs at their end count as the same
 */
public record CompareOptions(boolean ignoreTrailingWhitespace) {
    public static CompareOptions defaults() {
        return new CompareOptions(false);
    }
}
