package io.streamdesk.ui.help;

import java.util.List;

/** Every keyboard shortcut of the window and the job page (D4, E1), for the overview behind F1. */
public final class KeyboardShortcuts {

    /** One shortcut: where it works, the keys as shown to the user, what it does. */
    public record Shortcut(String area, String keys, String action) {
    }

    private KeyboardShortcuts() {
    }

    public static List<Shortcut> all() {
        return List.of(
                new Shortcut("Window", "Ctrl+N", "New SQL job"),
                new Shortcut("Window", "Ctrl+Shift+L", "Dark / light theme"),
                new Shortcut("Window", "F1", "This list of shortcuts"),
                new Shortcut("Window", "Ctrl+Q", "Quit"),
                new Shortcut("Job list", "Enter / double-click", "Open the selected job"),
                new Shortcut("Job list", "Ctrl+click, Shift+click", "Select several jobs"),
                new Shortcut("Job list", "Ctrl+A", "Select all jobs"),
                new Shortcut("Job list", "Right-click, Shift+F10", "Create copy, Run, Stop, log level of the selection"),
                new Shortcut("Job page", "Ctrl+S", "Save the draft (drafts also save by themselves)"),
                new Shortcut("Job page", "F9", "Check the SQL with Flink's parser"),
                new Shortcut("Job page", "Ctrl+Shift+P", "Publish the draft as a new version"),
                new Shortcut("Job page", "Ctrl+R", "Run a version"),
                new Shortcut("Job page", "F5", "Run a version"),
                new Shortcut("Job page", "Ctrl+Shift+S", "Stop the job"),
                new Shortcut("Editor", "Ctrl+Space", "Complete: keywords, functions, tables, columns, options (also opens"
                        + " by itself after \".\" or two letters)"),
                new Shortcut("Editor", "Up / Down, Enter or Tab, Esc", "Choose, insert, close the completion list"),
                new Shortcut("Editor", "Ctrl+Shift+F", "Format the SQL"),
                new Shortcut("Editor", "Ctrl+/", "Comment / uncomment the selected lines"),
                new Shortcut("Editor", "Enter", "New line, indented like the one above (one more after \"(\")"),
                new Shortcut("Editor", "Ctrl+F", "Find"),
                new Shortcut("Editor", "Ctrl+H", "Find and replace"),
                new Shortcut("Editor", "Enter / Shift+Enter", "Next / previous match (in the find field)"),
                new Shortcut("Editor", "Esc", "Close the find bar"),
                new Shortcut("Editor", "Ctrl+Z", "Undo"),
                new Shortcut("Editor", "Ctrl+Y, Ctrl+Shift+Z", "Redo"));
    }
}
