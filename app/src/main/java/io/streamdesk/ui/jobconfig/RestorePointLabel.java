package io.streamdesk.ui.jobconfig;

import io.streamdesk.model.CheckpointRecord;
import io.streamdesk.model.SavepointSource;
import io.streamdesk.service.checkpoints.StateFiles;
import io.streamdesk.ui.Formats;

/** How the Run dialog names a checkpoint or savepoint it can start from (V4, C2). */
public final class RestorePointLabel {
    private static final int MAX_DESCRIPTION = 40;

    private RestorePointLabel() {
    }

    /**
     * @param notReadableHere the desktop cannot read its files (a remote cluster's storage): the label says that what
     *                        offers it is Flink's report, not a look at the files (R6)
     */
    public static String of(CheckpointRecord p, boolean notReadableHere) {
        return notReadableHere ? of(p) + " (" + StateFiles.NOT_READABLE_NOTE + ")" : of(p);
    }

    public static String of(CheckpointRecord p) {
        StringBuilder b = new StringBuilder();
        boolean checkpoint = "CHECKPOINT".equals(p.kind());
        if (checkpoint) {
            b.append("Checkpoint ").append(p.checkpointId());
        } else {
            b.append(p.source() == SavepointSource.ON_STOP ? "Savepoint on stop" : "Savepoint");
            String d = p.description();
            if (d != null && !d.isBlank() && p.source() != SavepointSource.ON_STOP) { // "Taken when stopping" says it twice
                String text = d.strip();
                b.append(" \u201c").append(text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION - 1) + "\u2026" : text)
                        .append('\u201d');
            }
        }
        if (p.version() > 0) {
            b.append(" of v").append(p.version());
        }
        b.append(" \u00b7 ").append(Formats.preciseTime(p.completedAt() != null ? p.completedAt() : p.triggeredAt()));
        return b.toString();
    }
}
