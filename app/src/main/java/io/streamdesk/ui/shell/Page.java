package io.streamdesk.ui.shell;

import java.util.Objects;
import java.util.function.Function;
import javafx.scene.Parent;

/**
 * One entry of the side bar and the work-area tab it opens (the registry is {@link Pages}).
 *
 * @param id       a stable name: the entry's node id is {@code nav-<id>}, its tab's {@code <id>Tab}
 * @param title    the entry's and the tab's text
 * @param icon     an Ikonli literal ("fth-..."), shown once the data is open (the first frame loads no icon font,
 *                 ADR 0002)
 * @param closable false for the page whose tab is always there (Jobs)
 * @param factory  makes the page's content, when first opened and only once the services are ready
 */
public record Page(String id, String title, String icon, boolean closable, Function<PageContext, Parent> factory) {
    public Page {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(factory, "factory");
    }

    public String entryId() {
        return "nav-" + id;
    }

    public String tabId() {
        return id + "Tab";
    }
}
