package io.streamdesk.store;

import io.streamdesk.service.port.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirectoryTest {
    private static final String LINUX = "Linux";
    private static final String HOME = "/home/ana";

    @TempDir
    Path dir;

    @Test
    void cliValueWinsOverEverything() {
        Map<String, String> env = Map.of("STREAMDESK_HOME", "/env/sd", "XDG_DATA_HOME", "/xdg", "HOME", HOME);
        assertThat(DataDirectory.locate("/cli/sd", env, LINUX, HOME)).isEqualTo(Path.of("/cli/sd"));
    }

    @Test
    void envHomeComesSecond() {
        Map<String, String> env = Map.of("STREAMDESK_HOME", "/env/sd", "XDG_DATA_HOME", "/xdg", "HOME", HOME);
        assertThat(DataDirectory.locate(null, env, LINUX, HOME)).isEqualTo(Path.of("/env/sd"));
        assertThat(DataDirectory.locate("  ", env, LINUX, HOME)).isEqualTo(Path.of("/env/sd"));
    }

    @Test
    void xdgDataHomeComesThird() {
        Map<String, String> env = Map.of("XDG_DATA_HOME", "/xdg", "HOME", HOME);
        assertThat(DataDirectory.locate(null, env, LINUX, HOME)).isEqualTo(Path.of("/xdg/streamdesk"));
    }

    @Test
    void fallsBackToLocalShareAndIgnoresARelativeXdgDataHome() {
        assertThat(DataDirectory.locate(null, Map.of("HOME", HOME), LINUX, "/unused"))
                .isEqualTo(Path.of("/home/ana/.local/share/streamdesk"));
        assertThat(DataDirectory.locate(null, Map.of("XDG_DATA_HOME", "relative/dir"), LINUX, HOME))
                .isEqualTo(Path.of("/home/ana/.local/share/streamdesk"));
    }

    @Test
    void tildeIsExpandedInExplicitValues() {
        assertThat(DataDirectory.locate("~/sd", Map.of("HOME", HOME), LINUX, HOME)).isEqualTo(Path.of("/home/ana/sd"));
        assertThat(DataDirectory.locate(null, Map.of("STREAMDESK_HOME", "~/x"), LINUX, HOME)).isEqualTo(Path.of("/home/ana/x"));
    }

    @Test
    void otherPlatformsUseTheirUsualPlaces() {
        assertThat(DataDirectory.locate(null, Map.of(), "Mac OS X", HOME))
                .isEqualTo(Path.of(HOME, "Library", "Application Support", "StreamDesk"));
        assertThat(DataDirectory.locate(null, Map.of("LOCALAPPDATA", "/c/Users/ana/AppData/Local"), "Windows 11", HOME))
                .isEqualTo(Path.of("/c/Users/ana/AppData/Local", "StreamDesk"));
    }

    @Test
    void resolveCreatesTheDirectoryAndItsParts() {
        Path root = dir.resolve("a/b/data");

        DataDirectory data = DataDirectory.resolve(root.toString(), Map.of());

        assertThat(data.root()).isEqualTo(root.toAbsolutePath());
        assertThat(data.db()).isDirectory().isEqualTo(root.resolve("db"));
        assertThat(data.logs()).isDirectory().isEqualTo(root.resolve("logs"));
        assertThat(data.cluster()).isDirectory().isEqualTo(root.resolve("cluster"));
        assertThat(data.savepoints()).isDirectory().isEqualTo(root.resolve("savepoints"));
    }

    @Test
    void resolveUsesTheEnvironmentMap() {
        DataDirectory data = DataDirectory.resolve(null, Map.of("STREAMDESK_HOME", dir.resolve("from-env").toString()));

        assertThat(data.root()).isEqualTo(dir.resolve("from-env")).isDirectory();
    }

    @Test
    void aFileInTheWayFailsClearly() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "not a directory");

        assertThatThrownBy(() -> DataDirectory.at(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Cannot create the data directory " + file);
    }
}
