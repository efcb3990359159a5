package io.streamdesk.model.lineage;

/** How a job version uses a table (M5). */
public enum TableAccess {
    READ("reads", "read by"),
    WRITE("writes", "written by");

    private final String verb;
    private final String passive;

    TableAccess(String verb, String passive) {
        this.verb = verb;
        this.passive = passive;
    }

    /** "reads" / "writes". */
    public String verb() {
        return verb;
    }

    /** "read by" / "written by". */
    public String passive() {
        return passive;
    }
}
