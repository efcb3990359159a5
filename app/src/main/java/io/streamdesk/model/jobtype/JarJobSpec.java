package io.streamdesk.model.jobtype;

import io.streamdesk.model.dependency.DependencyRef;

import java.util.ArrayList;
import java.util.List;

/**
 * A JAR job's form (J1, DP4): the main jar (a version of a dependency), the entry class whose {@code main} builds the
 * job, the program arguments as one shell-like line ({@link ProgramArguments}) and the job's parallelism. Kept for
 * the draft and frozen into each published version (V1).
 *
 * @param mainJar null until one is chosen
 */
public record JarJobSpec(DependencyRef mainJar, String entryClass, String arguments, int parallelism) {
    public static final int MAX_PARALLELISM = 1024;
    public static final int MAX_ENTRY_CLASS_CHARS = 1000;
    /** The header of {@link #describe()}: a JAR version's text starts with it. */
    public static final String HEADER = "-- JAR job: the program this version runs (frozen at publish)";

    public JarJobSpec {
        entryClass = entryClass == null ? "" : entryClass.strip();
        arguments = arguments == null ? "" : arguments;
    }

    /** A new JAR job's form: nothing chosen, parallelism 1. */
    public static JarJobSpec empty() {
        return new JarJobSpec(null, "", "", 1);
    }

    public JarJobSpec withMainJar(DependencyRef jar) {
        return new JarJobSpec(jar, entryClass, arguments, parallelism);
    }

    public JarJobSpec withEntryClass(String name) {
        return new JarJobSpec(mainJar, name, arguments, parallelism);
    }

    public JarJobSpec withArguments(String line) {
        return new JarJobSpec(mainJar, entryClass, line, parallelism);
    }

    public JarJobSpec withParallelism(int p) {
        return new JarJobSpec(mainJar, entryClass, arguments, p);
    }

    /** The parsed arguments; throws {@link IllegalArgumentException} naming the problem when the line is bad. */
    public List<String> programArguments() {
        return ProgramArguments.parse(arguments).orThrow();
    }

    /**
     * What keeps the form from being published, each naming its field (the entry class's presence in the jar is
     * checked against the jar itself, not here).
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (mainJar == null) {
            problems.add("Main jar: choose the dependency version that holds the job's program.");
        }
        if (entryClass.isEmpty()) {
            problems.add("Entry class: name the class whose main method starts the job (e.g. com.example.Job).");
        } else if (entryClass.length() > MAX_ENTRY_CLASS_CHARS) {
            problems.add("Entry class: at most " + MAX_ENTRY_CLASS_CHARS + " characters.");
        }
        ProgramArguments.problem(arguments).ifPresent(p -> problems.add(p.describe()));
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            problems.add("Parallelism: 1 to " + MAX_PARALLELISM + " (got " + parallelism + ").");
        }
        return problems;
    }

    /**
     * The form as text, one field a line, all {@code --} comments: what a JAR job's draft and versions hold as their
     * script, so that opening a version, the version list and the side-by-side comparison (V3) show the frozen jar,
     * entry class, arguments and parallelism like any other change; a SQL check or parse of it finds no statement.
     */
    public String describe() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        b.append("-- main jar: ").append(mainJar == null ? "(none chosen)"
                : mainJar + (mainJar.sha256() == null ? "" : " sha256 " + mainJar.sha256())).append('\n');
        b.append("-- entry class: ").append(entryClass.isEmpty() ? "(none)" : entryClass).append('\n');
        ProgramArguments.Parsed parsed = ProgramArguments.parse(arguments);
        if (parsed.ok()) {
            b.append("-- arguments (").append(parsed.arguments().size()).append("):").append('\n');
            for (String a : parsed.arguments()) {
                b.append("--   ").append(ProgramArguments.format(List.of(a)).replace("\n", "\\n").replace("\r", "\\r"))
                        .append('\n');
            }
        } else {
            b.append("-- arguments: ").append(parsed.problem().describe()).append('\n');
        }
        b.append("-- parallelism: ").append(parallelism).append('\n');
        return b.toString();
    }
}
