package io.streamdesk.service.port;

/** A cluster's logs (EV6). Errors as {@link ClusterStatusReader} says; a path the cluster does not serve is a 404. */
public interface LogReader {

    /** {@code GET} of a plain-text path such as {@code /jobmanager/log}; the body as text. */
    String text(String path);
}
