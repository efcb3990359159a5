package io.streamdesk.testing;

import io.streamdesk.service.port.JobGraphUpload;
import io.streamdesk.service.port.SqlSubmitException;
import io.streamdesk.service.port.SqlSubmitter;

import java.util.ArrayList;
import java.util.List;

/**
 * Submits to a {@link FakeGateway}. Fails like a bad connector would for a script containing {@code FAIL_SUBMIT},
 * and once with the given message after {@link #failNextSubmit}. Records the restore path of every submission.
 */
public final class FakeSqlSubmitter implements SqlSubmitter {
    public static final String FAIL_MARKER = "FAIL_SUBMIT";

    private final FakeGateway gateway;
    private final List<String> restorePaths = new ArrayList<>();
    private final List<String> scripts = new ArrayList<>();
    private String nextFailure;

    public FakeSqlSubmitter(FakeGateway gateway) {
        this.gateway = gateway;
    }

    /** Makes the next submission (only that one) fail with this message. */
    public synchronized void failNextSubmit(String message) {
        this.nextFailure = message;
    }

    @Override
    public synchronized String submit(JobGraphUpload target, String jobName, String script, String restoreFrom) {
        return accept(target, script, restoreFrom);
    }

    private String accept(JobGraphUpload target, String script, String restoreFrom) {
        if (nextFailure != null) {
            String failure = nextFailure;
            nextFailure = null;
            throw new SqlSubmitException(failure, null);
        }
        if (script.contains(FAIL_MARKER)) {
            throw new SqlSubmitException("Could not find any factory for identifier 'nope'", null);
        }
        restorePaths.add(restoreFrom);
        scripts.add(script);
        // a job for another cluster (a FakeRemoteCluster's gateway) runs there
        return (target instanceof FakeGateway other ? other : gateway).submit();
    }

    private final List<java.util.Map<String, String>> configurations = new ArrayList<>();

    @Override
    public synchronized String submit(JobGraphUpload target, String jobName, String script, String restoreFrom,
                                      java.util.Map<String, String> configuration,
                                      io.streamdesk.model.sql.SqlContext context) {
        String id = accept(target, script, restoreFrom);
        configurations.add(java.util.Map.copyOf(configuration));
        contexts.add(context);
        return id;
    }

    private final List<io.streamdesk.model.sql.SqlContext> contexts = new ArrayList<>();

    /** The contexts (jars, catalog, variables) of the accepted submissions that passed a configuration. */
    public synchronized List<io.streamdesk.model.sql.SqlContext> contexts() {
        return new ArrayList<>(contexts);
    }

    /** Flink configurations of the accepted submissions that passed one. */
    public synchronized List<java.util.Map<String, String>> configurations() {
        return new ArrayList<>(configurations);
    }

    /** Scripts of the accepted submissions, as the submitter got them. */
    public synchronized List<String> scripts() {
        return new ArrayList<>(scripts);
    }

    /** Restore paths of the accepted submissions so far, null for fresh starts. */
    public synchronized List<String> restorePaths() {
        return new ArrayList<>(restorePaths);
    }

    @Override
    public void warmUp() {
    }
}
