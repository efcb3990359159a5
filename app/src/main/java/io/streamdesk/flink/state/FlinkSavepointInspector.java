package io.streamdesk.flink.state;

import io.streamdesk.service.port.SavepointInspector;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SavepointInspector} with Flink's own reader ({@link Checkpoints#loadCheckpointMetadata}): the operator
 * states a restore would hand to the new job graph. Only the metadata file is read, not the state files.
 */
public final class FlinkSavepointInspector implements SavepointInspector {
    /** A _metadata file beyond this is not a savepoint of a desktop job; refuse rather than read it into memory. */
    static final long MAX_METADATA_BYTES = 256L * 1024 * 1024;

    @Override
    public List<SavedOperatorState> operatorStates(String location) {
        Path metadata = metadataFile(location);
        try {
            long size = Files.size(metadata);
            if (size > MAX_METADATA_BYTES) {
                throw new IllegalArgumentException("Savepoint metadata " + metadata + " is " + size
                        + " bytes, more than " + MAX_METADATA_BYTES + " the app reads.");
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(metadata))) {
                CheckpointMetadata loaded = Checkpoints.loadCheckpointMetadata(new DataInputStream(in),
                        FlinkSavepointInspector.class.getClassLoader(), metadata.getParent().toString());
                List<SavedOperatorState> states = new ArrayList<>();
                for (OperatorState op : loaded.getOperatorStates()) {
                    states.add(new SavedOperatorState(op.getOperatorID().toHexString(),
                            op.getOperatorName().orElse(null), op.getOperatorUid().orElse(null), op.getParallelism(),
                            op.getMaxParallelism(), hasState(op), op.getStateSize()));
                }
                return states;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the savepoint metadata " + metadata + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasState(OperatorState op) {
        if (op.getCoordinatorState() != null) {
            return true;
        }
        for (OperatorSubtaskState subtask : op.getStates()) {
            if (subtask.hasState()) {
                return true;
            }
        }
        return false;
    }

    static Path metadataFile(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("No savepoint location given.");
        }
        String l = location.strip();
        Path path;
        try {
            path = l.startsWith("file:") ? Path.of(URI.create(l.startsWith("file://") || l.startsWith("file:/") ? l : "file:" + l))
                    : Path.of(l);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a local savepoint location: " + l, e);
        }
        Path file = Files.isDirectory(path) ? path.resolve("_metadata") : path;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No savepoint metadata at " + file + ".");
        }
        return file;
    }
}
