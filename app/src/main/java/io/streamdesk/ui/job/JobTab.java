package io.streamdesk.ui.job;

import java.util.Objects;
import java.util.function.Function;

/**
 * One tab of a job page as the page registry ({@code ui/shell/Pages}) lists it: the page adds its tabs in the
 * registry's order. A tab that is costly to build is built when it is first selected.
 *
 * @param id      the tab's node id (tests and styles look tabs up by it)
 * @param title   the tab's text
 * @param icon    an Ikonli literal ("fth-...") for the tab's graphic
 * @param build   when the content is made
 * @param factory makes the content for one page; asked once per page
 */
public record JobTab(String id, String title, String icon, Build build, Function<JobTabContext, JobTabContent> factory) {
    /** When a tab's content is made. */
    public enum Build {
        /** With the page: the page or its toolbar acts on it, or it must exist before the user looks at it. */
        WITH_PAGE,
        /** On the first selection: nothing needs it before, and it would only slow the opening of a job. */
        WHEN_FIRST_SHOWN
    }

    public JobTab {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(factory, "factory");
    }
}
