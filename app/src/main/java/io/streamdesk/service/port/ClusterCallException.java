package io.streamdesk.service.port;

/** The cluster answered with an error status; {@code message} carries Flink's own error text. */
public class ClusterCallException extends RuntimeException {
    private final int status;

    public ClusterCallException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
