package io.streamdesk.store;

import io.streamdesk.model.dependency.Dependency;
import io.streamdesk.model.dependency.DependencyKind;
import io.streamdesk.model.dependency.DependencyVersion;
import io.streamdesk.service.port.DependencyStore;
import io.streamdesk.service.port.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dependency metadata on a real H2 file (V13): numbering, the version limit, kinds, removal, reopen. */
class JdbcDependencyStoreTest {
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    @TempDir
    Path dir;
    Database db;
    JdbcDependencyStore store;
    final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("db"));
        store = new JdbcDependencyStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void uploadsOfOneNameAreNumberedVersionsAndTheListShowsTheNewest() {
        DependencyVersion v1 = store.add("kafka.jar", DependencyKind.JAR, "first", SHA_A, 10, t0, 20);
        DependencyVersion v2 = store.add("kafka.jar", DependencyKind.JAR, "second", SHA_B, 20, t0.plusSeconds(1), 20);
        store.add("app.conf", DependencyKind.CONFIG_FILE, "", SHA_A, 3, t0, 20);

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.versions("kafka.jar")).extracting(DependencyVersion::version).containsExactly(2, 1);
        assertThat(store.list()).extracting(Dependency::name).containsExactly("app.conf", "kafka.jar");
        Dependency kafka = store.find("kafka.jar").orElseThrow();
        assertThat(kafka.latest()).isEqualTo(v2);
        assertThat(kafka.versionCount()).isEqualTo(2);
        assertThat(kafka.createdAt()).isEqualTo(t0);
        assertThat(kafka.updatedAt()).isEqualTo(t0.plusSeconds(1));
        assertThat(store.version("kafka.jar", 1)).contains(v1);
        assertThat(v1.description()).isEqualTo("first");
        assertThat(v1.sha256()).isEqualTo(SHA_A);
    }

    @Test
    void aTwentyFirstVersionIsRefusedAndNothingIsWritten() {
        for (int i = 0; i < 20; i++) {
            store.add("udf.jar", DependencyKind.JAR, "v" + i, SHA_A, 1, t0, 20);
        }
        assertThatThrownBy(() -> store.add("udf.jar", DependencyKind.JAR, "one more", SHA_B, 1, t0, 20))
                .isInstanceOf(DependencyStore.VersionLimitException.class)
                .hasMessageContaining("20 versions");
        assertThat(store.versions("udf.jar")).hasSize(20);
        assertThat(store.contentInUse(SHA_B)).isFalse();
    }

    @Test
    void numbersAreNotReusedAfterARemovalAndTheLastRemovalFreesTheName() {
        store.add("x.jar", DependencyKind.JAR, "", SHA_A, 1, t0, 20);
        store.add("x.jar", DependencyKind.JAR, "", SHA_B, 1, t0, 20);
        assertThat(store.removeVersion("x.jar", 2)).isEmpty();
        assertThat(store.add("x.jar", DependencyKind.JAR, "", SHA_B, 1, t0, 20).version()).isEqualTo(3);

        assertThat(store.remove("x.jar")).isEmpty();
        assertThat(store.find("x.jar")).isEmpty();
        assertThat(store.versions("x.jar")).isEmpty();
        assertThat(store.contentInUse(SHA_A)).isFalse();
        assertThat(store.add("x.jar", DependencyKind.CONFIG_FILE, "", SHA_A, 1, t0, 20).version()).isEqualTo(1);
    }

    @Test
    void aVersionOfAnotherKindIsRefused() {
        store.add("thing.jar", DependencyKind.JAR, "", SHA_A, 1, t0, 20);
        assertThatThrownBy(() -> store.add("thing.jar", DependencyKind.CONFIG_FILE, "", SHA_B, 1, t0, 20))
                .isInstanceOf(StoreException.class).hasMessageContaining("is a JAR");
    }

    @Test
    void whatWasAddedIsThereAfterReopening() {
        store.add("kafka.jar", DependencyKind.JAR, "kept", SHA_A, 42, t0, 20);
        db.close();
        db = Database.open(dir.resolve("db"));
        store = new JdbcDependencyStore(db.dataSource());
        assertThat(store.version("kafka.jar", 1).orElseThrow().size()).isEqualTo(42);
        assertThat(store.references("kafka.jar")).isEmpty();
    }
}
