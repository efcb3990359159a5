package io.streamdesk.model.sql.completion;

import java.util.List;

/**
 * What the runtime (Flink) itself knows of SQL, read from it once: its built-in functions and, per connector and
 * format factory on the class path, the option keys it declares. The completion engine takes it as data.
 */
public record BuiltInVocabulary(List<Function> functions, List<OptionSet> connectors, List<OptionSet> formats) {

    public static final BuiltInVocabulary EMPTY = new BuiltInVocabulary(List.of(), List.of(), List.of());

    public BuiltInVocabulary {
        functions = List.copyOf(functions);
        connectors = List.copyOf(connectors);
        formats = List.copyOf(formats);
    }

    /** A built-in function by its SQL name; {@code kind} is "scalar", "aggregate", "table"...; without brackets
     *  when it is called bare ({@code CURRENT_TIMESTAMP}). */
    public record Function(String name, String kind, boolean parentheses) {
    }

    /**
     * A connector (or format) and its option keys, required ones first. A format's keys are given as Flink reads
     * them in a table's WITH: prefixed with the format ({@code csv.field-delimiter}).
     */
    public record OptionSet(String identifier, List<String> required, List<String> optional) {
        public OptionSet {
            required = List.copyOf(required);
            optional = List.copyOf(optional);
        }
    }
}
