package io.streamdesk.flink.sql;

import io.streamdesk.service.port.SqlSubmitException;
import io.streamdesk.testing.TestConnectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A job's class loader: its own jars over the app's loader, cached by jar set and content, bounded, closed. */
class JobClassLoadersTest {

    private static final String KAFKA_FACTORY = "org.apache.flink.streaming.connectors.kafka.table.KafkaDynamicTableFactory";

    @TempDir
    Path dir;

    @BeforeEach
    @AfterEach
    void reset() {
        JobClassLoaders.closeAll();
        JobClassLoaders.closeGraceNanos = JobClassLoaders.CLOSE_GRACE_NANOS;
    }

    @Test
    void withoutJarsItIsTheAppsOwnLoader() {
        assertThat(JobClassLoaders.forJars(List.of())).isSameAs(JobClassLoaders.class.getClassLoader());
    }

    @Test
    void theJobsJarsAreSeenOnlyThroughItsLoaderAChildOfTheApps() throws Exception {
        ClassLoader loader = JobClassLoaders.forJars(List.of(TestConnectors.kafka()));
        assertThat(Class.forName(KAFKA_FACTORY, false, loader)).isNotNull();
        assertThatThrownBy(() -> Class.forName(KAFKA_FACTORY, false, JobClassLoaders.class.getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(ancestors(loader)).contains(JobClassLoaders.class.getClassLoader());
        // Flink's own classes come from the app (parent-first patterns), as on the cluster
        assertThat(Class.forName("org.apache.flink.table.factories.Factory", false, loader))
                .isSameAs(org.apache.flink.table.factories.Factory.class);
        assertThat(JobClassLoaders.forJars(List.of(TestConnectors.kafka()))).as("cached").isSameAs(loader);
    }

    @Test
    void aChangedJarIsANewLoader() throws Exception {
        Path jar = Files.copy(TestConnectors.kafka(), dir.resolve("k.jar"));
        ClassLoader first = JobClassLoaders.forJars(List.of(jar));
        Files.write(jar, new byte[] {0}, StandardOpenOption.APPEND); // other content, other SHA-256
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(JobClassLoaders.forJars(List.of(jar))).isNotSameAs(first);
    }

    @Test
    void atMostEightLoadersStayCachedAndEvictedOnesAreClosed() throws Exception {
        JobClassLoaders.closeGraceNanos = 0;
        List<ClassLoader> loaders = new ArrayList<>();
        for (int i = 0; i < JobClassLoaders.MAX_CACHED + 2; i++) {
            Path jar = Files.copy(TestConnectors.kafka(), dir.resolve("k" + i + ".jar"));
            loaders.add(JobClassLoaders.forJars(List.of(jar)));
        }
        JobClassLoaders.forJars(List.of(dir.resolve("k9.jar"))); // any call closes what has retired
        assertThat(JobClassLoaders.openLoaders()).isEqualTo(JobClassLoaders.MAX_CACHED);
        assertThatThrownBy(() -> Class.forName(KAFKA_FACTORY, false, loaders.get(0)))
                .as("the least recently used set was evicted and closed").hasMessageContaining("closed");
        assertThat(Class.forName(KAFKA_FACTORY, false, loaders.get(loaders.size() - 1))).isNotNull();
    }

    @Test
    void missingJarsAndTooManyAreRefusedNamingThem() {
        assertThatThrownBy(() -> JobClassLoaders.forJars(List.of(dir.resolve("nope.jar"))))
                .isInstanceOf(SqlSubmitException.class).hasMessageContaining("nope.jar").hasMessageContaining("missing");
        List<Path> many = new ArrayList<>();
        for (int i = 0; i <= JobClassLoaders.MAX_JARS; i++) {
            many.add(dir.resolve(i + ".jar"));
        }
        assertThatThrownBy(() -> JobClassLoaders.forJars(many)).hasMessageContaining("at most " + JobClassLoaders.MAX_JARS);
    }

    private static List<ClassLoader> ancestors(ClassLoader loader) {
        List<ClassLoader> out = new ArrayList<>();
        for (ClassLoader l = loader.getParent(); l != null; l = l.getParent()) {
            out.add(l);
        }
        return out;
    }
}
