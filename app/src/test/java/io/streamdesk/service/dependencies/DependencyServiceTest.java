package io.streamdesk.service.dependencies;

import io.streamdesk.model.dependency.Dependency;
import io.streamdesk.model.dependency.DependencyKind;
import io.streamdesk.model.dependency.DependencyVersion;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.store.Database;
import io.streamdesk.store.DependencyFiles;
import io.streamdesk.store.JdbcDependencyStore;
import io.streamdesk.testing.TestJars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads on a real H2 file and real files: versions, the limits of DP1/DP2 with their messages, content, removal. */
class DependencyServiceTest {
    @TempDir
    Path dir;
    Database db;
    DependencyFiles files;
    DependencyService service;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("data/db"));
        files = new DependencyFiles(dir.resolve("data/dependencies"));
        service = new DependencyService(new JdbcDependencyStore(db.dataSource()), files, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aJarUploadIsVersionOneAndTheSameNameAgainIsVersionTwo() throws Exception {
        Path jar = TestJars.jar(dir.resolve("up"), "connector.jar", "one");
        DependencyVersion v1 = service.add(jar, "first");
        TestJars.jar(dir.resolve("up"), "connector.jar", "two");
        DependencyVersion v2 = service.add(jar, " second ");

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.kind()).isEqualTo(DependencyKind.JAR);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.description()).isEqualTo("second");
        assertThat(v2.sha256()).isNotEqualTo(v1.sha256()).isEqualTo(DependencyFiles.hash(jar));
        assertThat(v2.size()).isEqualTo(Files.size(jar));
        assertThat(files.verified(v1.sha256(), DependencyKind.JAR)).exists();
        Dependency listed = service.list().get(0);
        assertThat(listed.name()).isEqualTo("connector.jar");
        assertThat(listed.latest().version()).isEqualTo(2);
        assertThat(service.versions("connector.jar")).extracting(DependencyVersion::description)
                .containsExactly("second", "first");
    }

    @Test
    void aSixtyMegabyteJarIsRefusedNamingTheLimit() throws Exception {
        Path big = TestJars.sparse(dir.resolve("up"), "huge-connector.jar", 60L * 1024 * 1024);
        assertThatThrownBy(() -> service.add(big, "too big"))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("huge-connector.jar")
                .hasMessageContaining("60.0 MB")
                .hasMessageContaining("limit of 50.0 MB for a JAR");
        assertThat(service.list()).isEmpty();
    }

    @Test
    void aConfigurationFileOverTwoMegabytesIsRefusedNamingTheLimit() throws Exception {
        Path big = TestJars.sparse(dir.resolve("up"), "hive-site.xml", 2L * 1024 * 1024 + 1);
        assertThatThrownBy(() -> service.add(big, ""))
                .hasMessageContaining("limit of 2.0 MB for a configuration file");
    }

    @Test
    void aFileThatIsNotAJarIsRefusedAndNothingIsKept() throws Exception {
        Path fake = TestJars.text(dir.resolve("up"), "fake.jar", "this is text, not a zip");
        assertThatThrownBy(() -> service.add(fake, ""))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("fake.jar is not a JAR");
        // a zip's local header but no central directory: a truncated download
        Path truncated = dir.resolve("up/truncated.jar");
        byte[] whole = Files.readAllBytes(TestJars.jar(dir.resolve("whole"), "w.jar", "content"));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> service.add(truncated, ""))
                .hasMessageContaining("truncated.jar is not a JAR: its zip directory cannot be read");
        assertThat(service.list()).isEmpty();
        try (var all = Files.walk(files.root())) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aTwentyFirstVersionIsRefused() throws Exception {
        Path conf = dir.resolve("up/app.properties");
        Files.createDirectories(conf.getParent());
        for (int i = 1; i <= 20; i++) {
            Files.writeString(conf, "value=" + i + "\n");
            service.add(conf, "v" + i);
        }
        Files.writeString(conf, "value=21\n");
        assertThatThrownBy(() -> service.add(conf, "v21"))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("app.properties already has 20 versions")
                .hasMessageContaining("(20)");
        assertThat(service.versions("app.properties")).hasSize(20);
        service.remove("app.properties", 3);
        assertThat(service.add(conf, "v21").version()).isEqualTo(21);
    }

    @Test
    void unsafeNamesAreRefused() throws Exception {
        Path spaced = TestJars.text(dir.resolve("up"), "my file.conf", "x");
        assertThatThrownBy(() -> service.add(spaced, "")).hasMessageContaining("not a safe file name");
        Path at = TestJars.text(dir.resolve("up"), "a@2.conf", "x");
        assertThatThrownBy(() -> service.add(at, "")).hasMessageContaining("no spaces or @");
        assertThatThrownBy(() -> DependencyNames.require("../etc/passwd")).hasMessageContaining("path separator");
        assertThatThrownBy(() -> DependencyNames.require("x".repeat(201))).hasMessageContaining("at most 200");
        assertThatThrownBy(() -> service.add(dir.resolve("up/missing.jar"), "")).hasMessageContaining("does not exist");
    }

    @Test
    void aConfigurationFilesContentIsShownAndAJarsIsNot() throws Exception {
        Path conf = TestJars.text(dir.resolve("up"), "log4j.properties", "rootLogger.level = INFO\n");
        service.add(conf, "");
        ConfigFileContent content = service.content("log4j.properties", 1);
        assertThat(content.binary()).isFalse();
        assertThat(content.text()).isEqualTo("rootLogger.level = INFO\n");

        Path binary = dir.resolve("up/keystore.p12");
        Files.write(binary, new byte[] {0, (byte) 0xff, 1, 2});
        service.add(binary, "");
        assertThat(service.content("keystore.p12", 1).binary()).isTrue();

        service.add(TestJars.jar(dir.resolve("up"), "u.jar", "u"), "");
        assertThatThrownBy(() -> service.content("u.jar", 1)).hasMessageContaining("only a configuration file");
        assertThatThrownBy(() -> service.content("u.jar", 7)).hasMessageContaining("has no version 7");
        assertThatThrownBy(() -> service.versions("nope.jar")).hasMessageContaining("No dependency named nope.jar");
    }

    @Test
    void removingTheLastVersionOfAContentDeletesItsFileOnly() throws Exception {
        Path jar = TestJars.jar(dir.resolve("up"), "a.jar", "same");
        DependencyVersion a = service.add(jar, "");
        Files.copy(jar, dir.resolve("up/b.jar"));
        service.add(dir.resolve("up/b.jar"), ""); // same content, other name: one file
        Path stored = files.verified(a.sha256(), DependencyKind.JAR);

        service.remove("a.jar");
        assertThat(stored).exists();
        service.remove("b.jar", 1);
        assertThat(stored).doesNotExist();
        assertThat(service.list()).isEmpty();
    }
}
