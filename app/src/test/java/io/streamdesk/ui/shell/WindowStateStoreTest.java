package io.streamdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsBoundsThemeSplitAndLastJob() {
        WindowStateStore store = WindowStateStore.inDirectory(dir);
        assertThat(store.bounds()).isEmpty();
        assertThat(store.editorSplit()).isEqualTo(0.75);
        store.saveBounds(new WindowStateStore.Bounds(10, 20, 1100, 700, true));
        store.saveDarkTheme(true);
        store.saveEditorSplit(0.6);
        store.saveLastOpenJob("cql-abcdefgh");
        WindowStateStore again = WindowStateStore.inDirectory(dir);
        assertThat(again.bounds()).contains(new WindowStateStore.Bounds(10, 20, 1100, 700, true));
        assertThat(again.darkTheme()).isTrue();
        assertThat(again.editorSplit()).isEqualTo(0.6);
        assertThat(again.lastOpenJob()).contains("cql-abcdefgh");
        again.saveLastOpenJob(null);
        assertThat(WindowStateStore.inDirectory(dir).lastOpenJob()).isEmpty();
    }

    @Test
    void ignoresNonsenseSizes() {
        WindowStateStore store = WindowStateStore.inDirectory(dir);
        store.saveBounds(new WindowStateStore.Bounds(0, 0, 10, 10, false));
        assertThat(WindowStateStore.inDirectory(dir).bounds()).isEmpty();
    }

    @Test
    void aDamagedFileMeansDefaults() throws Exception {
        Files.writeString(dir.resolve(WindowStateStore.FILE_NAME), "window.width=abc\ntheme.dark=\\u00zz\n");
        WindowStateStore store = WindowStateStore.inDirectory(dir);
        assertThat(store.bounds()).isEmpty();
        assertThat(store.darkTheme()).isFalse();
    }
}
