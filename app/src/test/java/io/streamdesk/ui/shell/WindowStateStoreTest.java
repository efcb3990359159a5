package io.streamdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WindowStateStoreTest {
    private final Preferences node = Preferences.userRoot().node("/io/streamdesk/test/" + System.nanoTime());
    private final WindowStateStore store = new WindowStateStore(node);

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
    }

    @Test
    void roundTripsBoundsThemeAndLastJob() {
        assertThat(store.bounds()).isEmpty();
        store.saveBounds(new WindowStateStore.Bounds(10, 20, 1100, 700, true));
        store.saveDarkTheme(true);
        store.saveLastOpenJob("cql-abcdefgh");
        WindowStateStore again = new WindowStateStore(node);
        assertThat(again.bounds()).contains(new WindowStateStore.Bounds(10, 20, 1100, 700, true));
        assertThat(again.darkTheme()).isTrue();
        assertThat(again.lastOpenJob()).contains("cql-abcdefgh");
        again.saveLastOpenJob(null);
        assertThat(store.lastOpenJob()).isEmpty();
    }

    @Test
    void ignoresNonsenseSizes() {
        store.saveBounds(new WindowStateStore.Bounds(0, 0, 10, 10, false));
        assertThat(store.bounds()).isEmpty();
    }
}
