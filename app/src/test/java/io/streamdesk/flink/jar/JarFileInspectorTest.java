package io.streamdesk.flink.jar;

import io.streamdesk.testing.TestJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The entry class check of a JAR job (J1) on real jars written by java.util.jar. */
class JarFileInspectorTest {
    @TempDir
    Path dir;

    private final JarFileInspector inspector = new JarFileInspector();

    @Test
    void anEntryClassInTheJarPasses() throws Exception {
        Path jar = TestJars.compile(dir.resolve("build"), dir.resolve("job.jar"), Map.of("com.example.Job",
                "package com.example; public class Job { public static void main(String[] a) { } "
                        + "public static class Inner { } }"));
        assertThat(inspector.entryClassProblem(jar, "job.jar@1", "com.example.Job")).isEmpty();
        assertThat(inspector.entryClassProblem(jar, "job.jar@1", " com.example.Job ")).isEmpty();
        assertThat(inspector.entryClassProblem(jar, "job.jar@1", "com.example.Job$Inner")).isEmpty();
    }

    @Test
    void aMissingClassIsRefusedNamingTheClassAndTheJarWithTheNearestName() throws Exception {
        Path jar = TestJars.withEntries(dir.resolve("job.jar"), Map.of("com/example/Job.class", new byte[] {1}));
        assertThat(inspector.entryClassProblem(jar, "job.jar@2", "com.other.Job")).hasValueSatisfying(p -> assertThat(p)
                .contains("com.other.Job is not in the jar job.jar@2").contains("com/other/Job.class")
                .contains("did you mean com.example.Job?"));
        assertThat(inspector.entryClassProblem(jar, "job.jar@2", "Nothing")).hasValueSatisfying(p -> assertThat(p)
                .isEqualTo("Entry class: Nothing is not in the jar job.jar@2 (no entry Nothing.class)."));
    }

    @Test
    void notAClassNameNotAJarAndNoJarAreRefusedSaying() throws Exception {
        Path jar = TestJars.withEntries(dir.resolve("job.jar"), Map.of("a/B.class", new byte[] {1}));
        assertThat(inspector.entryClassProblem(jar, "job.jar@1", "")).hasValueSatisfying(p -> assertThat(p)
                .contains("name the class"));
        assertThat(inspector.entryClassProblem(jar, "job.jar@1", "a.B.class;rm")).hasValueSatisfying(p -> assertThat(p)
                .contains("is not a Java class name"));
        assertThat(inspector.entryClassProblem(jar, "job.jar@1", "1a.B")).hasValueSatisfying(p -> assertThat(p)
                .contains("is not a Java class name"));
        Path text = Files.writeString(dir.resolve("notes.jar"), "not a zip");
        assertThat(inspector.entryClassProblem(text, "notes.jar@1", "a.B")).hasValueSatisfying(p -> assertThat(p)
                .contains("notes.jar@1 is not a jar"));
        assertThat(inspector.entryClassProblem(dir.resolve("gone.jar"), "gone.jar@1", "a.B"))
                .hasValueSatisfying(p -> assertThat(p).contains("the jar gone.jar@1 is not there"));
    }
}
