package io.streamdesk.service.compare;

/** How a row of a side-by-side comparison differs. */
public enum LineKind {
    /** The same text on both sides. */
    SAME,
    /** A line on both sides with different text (the inline ranges say which characters). */
    CHANGED,
    /** Only on the right (newer) side; the left side shows a filler row. */
    ADDED,
    /** Only on the left (older) side; the right side shows a filler row. */
    REMOVED
}
