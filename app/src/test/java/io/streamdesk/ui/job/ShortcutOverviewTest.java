package io.streamdesk.ui.job;

import io.streamdesk.ui.editor.SqlEditorView;
import io.streamdesk.ui.help.KeyboardShortcuts;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shortcut the job page and the editor react to is listed in Help > Keyboard shortcuts (F1). */
class ShortcutOverviewTest {

    @Test
    void everyJobPageShortcutIsInTheOverview() {
        List<KeyCombination> used = List.of(JobPageView.SAVE, JobPageView.CHECK, JobPageView.PUBLISH, JobPageView.RUN,
                JobPageView.RUN_F5, JobPageView.STOP, SqlEditorView.FORMAT,
                io.streamdesk.ui.editor.CompletionPopup.OPEN);
        Set<Set<String>> listed = KeyboardShortcuts.all().stream()
                .flatMap(s -> Arrays.stream(s.keys().split(", | / ")))
                .map(ShortcutOverviewTest::parts)
                .collect(Collectors.toSet());
        for (KeyCombination k : used) {
            assertThat(listed).as(k.getName()).contains(parts(k.getName().replace("Shortcut", "Ctrl")));
        }
    }

    @Test
    void theOverviewHasNoDuplicateKeysInOneArea() {
        List<String> keys = KeyboardShortcuts.all().stream().map(s -> s.area() + ":" + s.keys()).toList();
        assertThat(keys).doesNotHaveDuplicates();
    }

    private static Set<String> parts(String keys) {
        return new TreeSet<>(Arrays.asList(keys.strip().split("\\+")));
    }
}
