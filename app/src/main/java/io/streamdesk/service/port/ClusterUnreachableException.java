package io.streamdesk.service.port;

/** The cluster did not answer (connection refused, timeout). */
public class ClusterUnreachableException extends RuntimeException {
    public ClusterUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
