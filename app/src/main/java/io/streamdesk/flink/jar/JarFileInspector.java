package io.streamdesk.flink.jar;

import io.streamdesk.service.port.JarInspector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * {@link JarInspector} over {@link JarFile}: the entry class is there when the jar has its {@code .class} entry
 * ({@code com/example/Main.class} for {@code com.example.Main}, {@code Outer$Inner.class} for a nested class). Only
 * the jar's directory is read, never its classes loaded or run.
 */
public final class JarFileInspector implements JarInspector {
    private static final Pattern CLASS_NAME =
            Pattern.compile("([\\p{L}_$][\\p{L}\\p{N}_$]*\\.)*[\\p{L}_$][\\p{L}\\p{N}_$]*");
    private static final int MAX_CLASS_NAME = 1000;

    @Override
    public Optional<String> entryClassProblem(Path jar, String jarName, String className) {
        String name = className == null ? "" : className.strip();
        if (name.isEmpty()) {
            return Optional.of("Entry class: name the class whose main method starts the job (e.g. com.example.Job).");
        }
        if (name.length() > MAX_CLASS_NAME || !CLASS_NAME.matcher(name).matches()) {
            return Optional.of("Entry class: '" + abbreviate(name) + "' is not a Java class name (letters, digits, _ and $,"
                    + " packages separated by dots).");
        }
        if (!Files.isRegularFile(jar)) {
            return Optional.of("Entry class: the jar " + jarName + " is not there (" + jar + ").");
        }
        String entry = name.replace('.', '/') + ".class";
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            if (file.getEntry(entry) != null) {
                return Optional.empty();
            }
            String simple = name.substring(name.lastIndexOf('.') + 1);
            String near = file.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.endsWith("/" + simple + ".class") || n.equals(simple + ".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .findFirst().orElse(null);
            return Optional.of("Entry class: " + name + " is not in the jar " + jarName + " (no entry " + entry + ")"
                    + (near == null ? "." : "; did you mean " + near + "?"));
        } catch (ZipException e) {
            return Optional.of("Entry class: " + jarName + " is not a jar (" + e.getMessage() + ").");
        } catch (IOException | SecurityException e) {
            return Optional.of("Entry class: the jar " + jarName + " cannot be read: " + e.getMessage());
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
