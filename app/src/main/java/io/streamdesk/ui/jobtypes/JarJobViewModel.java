package io.streamdesk.ui.jobtypes;

import io.streamdesk.model.JobId;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.jobtype.JarJobSpec;
import io.streamdesk.model.jobtype.ProgramArguments;
import io.streamdesk.service.jobtypes.JarJobService;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A JAR job's page (J1, DP4): the main jar chosen from the dependency store's jar versions, the entry class with the
 * check's error inline, the arguments as one shell-like line (parsed as typed: a problem or the arguments main() gets)
 * and the parallelism. Save writes the draft; Check reads the jar's entries; Publish, Run and Stop are the page's.
 */
public final class JarJobViewModel extends JobTypeFormViewModel<JarJobSpec> {
    private final JarJobService jars;

    // ---- properties ----
    private final ObservableList<DependencyRef> jarChoices = FXCollections.observableArrayList();
    private final ObjectProperty<DependencyRef> mainJar = new SimpleObjectProperty<>();
    private final StringProperty entryClass = new SimpleStringProperty("");
    private final StringProperty arguments = new SimpleStringProperty("");
    private final ObjectProperty<Integer> parallelism = new SimpleObjectProperty<>(1);
    private final ReadOnlyStringWrapper entryClassError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper argumentsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper argumentsPreview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper jarHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);

    public JarJobViewModel(JobId jobId, JarJobService jars, UiContext ctx) {
        super(jobId, ctx, JarJobSpec.empty());
        this.jars = Objects.requireNonNull(jars, "jars");
        mainJar.addListener((o, a, b) -> {
            changed();
            entryClassError.set(""); // another jar: the last check said nothing about it
        });
        entryClass.addListener((o, a, b) -> {
            changed();
            entryClassError.set("");
        });
        arguments.addListener((o, a, b) -> {
            showArguments();
            changed();
        });
        parallelism.addListener((o, a, b) -> changed());
        showArguments();
    }

    public ObservableList<DependencyRef> jarChoices() {
        return jarChoices;
    }

    public ObjectProperty<DependencyRef> mainJarProperty() {
        return mainJar;
    }

    public StringProperty entryClassProperty() {
        return entryClass;
    }

    public StringProperty argumentsProperty() {
        return arguments;
    }

    public ObjectProperty<Integer> parallelismProperty() {
        return parallelism;
    }

    /** The entry class check's refusal ("demo.Missing is not in the jar job.jar@2 ..."), empty when it passed. */
    public ReadOnlyStringProperty entryClassErrorProperty() {
        return entryClassError.getReadOnlyProperty();
    }

    /** Where the arguments line is wrong (line and column), empty when it parses. */
    public ReadOnlyStringProperty argumentsErrorProperty() {
        return argumentsError.getReadOnlyProperty();
    }

    /** The arguments main() gets, one per line box: {@code 4 arguments: [--rate] [10] [two words] ...}. */
    public ReadOnlyStringProperty argumentsPreviewProperty() {
        return argumentsPreview.getReadOnlyProperty();
    }

    /** Said when the dependency store has no jar to choose. */
    public ReadOnlyStringProperty jarHintProperty() {
        return jarHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    @Override
    public JarJobSpec current() {
        Integer p = parallelism.get();
        return new JarJobSpec(mainJar.get(), entryClass.get(), arguments.get(), p == null ? 1 : p);
    }

    // ---- commands ----

    /** Reads the draft's form and the jar choices in the background, then checks the entry class. */
    public void load() {
        BackgroundTask.wrap(() -> new Loaded(jars.draft(jobId), jars.jarChoices()))
                .titled("Opening the JAR job")
                .onSuccess(l -> {
                    fill(l.spec(), l.choices());
                    loaded.set(true);
                    if (l.spec().mainJar() != null && !l.spec().entryClass().isEmpty()) {
                        check();
                    }
                })
                .onFailure(e -> message.set("Could not read the JAR job: " + e.getMessage()))
                .executeWith(ctx);
    }

    private record Loaded(JarJobSpec spec, List<DependencyRef> choices) {
    }

    @Override
    protected void persist(JarJobSpec spec) {
        jars.save(jobId, spec);
    }

    @Override
    protected String kind() {
        return "JAR job";
    }

    /** Checks the form and the entry class against the jar's entries (in the background). */
    @Override
    public void check() {
        JarJobSpec spec = current();
        BackgroundTask.wrap(() -> jars.problems(spec))
                .titled("Checking the JAR job")
                .onRunning(() -> checking.set(true))
                .onSuccess(problems -> {
                    String classProblem = problems.stream()
                            .filter(p -> p.startsWith("Entry class:") || p.startsWith("Main jar:"))
                            .findFirst().orElse("");
                    entryClassError.set(classProblem);
                    List<String> others = problems.stream().filter(p -> !p.equals(classProblem)).toList();
                    message.set(problems.isEmpty()
                            ? "Checked: " + spec.entryClass() + " is in " + spec.mainJar() + "; ready to publish."
                            : String.join("\n", others));
                })
                .onFailure(e -> message.set("Could not check: " + e.getMessage()))
                .onFinished(() -> checking.set(false))
                .executeWith(ctx);
    }

    // ---- internals ----

    private void fill(JarJobSpec spec, List<DependencyRef> choices) {
        filling = true;
        try {
            jarChoices.setAll(choices);
            if (spec.mainJar() != null && !choices.contains(spec.mainJar())) {
                jarChoices.add(0, spec.mainJar()); // chosen before: still shown though the list no longer has it
            }
            mainJar.set(spec.mainJar());
            entryClass.set(spec.entryClass());
            arguments.set(spec.arguments());
            parallelism.set(spec.parallelism());
            saved = spec;
            jarHint.set(jarChoices.isEmpty()
                    ? "No jar in Dependencies yet: upload the job's jar there, then choose it here." : "");
        } finally {
            filling = false;
        }
        changed();
    }

    private void showArguments() {
        ProgramArguments.Parsed parsed = ProgramArguments.parse(arguments.get());
        if (!parsed.ok()) {
            argumentsError.set(parsed.problem().describe());
            argumentsPreview.set("");
            return;
        }
        argumentsError.set("");
        List<String> args = parsed.arguments();
        StringBuilder b = new StringBuilder(args.isEmpty() ? "No arguments."
                : args.size() + (args.size() == 1 ? " argument:" : " arguments:"));
        int shown = 0;
        for (String a : args) {
            if (shown++ == 20) {
                b.append(" \u2026");
                break;
            }
            b.append(" [").append(a.length() > 60 ? a.substring(0, 60) + "\u2026" : a).append(']');
        }
        argumentsPreview.set(b.toString());
    }
}
