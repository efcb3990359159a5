package io.streamdesk.cli.fake;

import io.streamdesk.service.port.SqlSubmitException;
import io.streamdesk.service.port.SqlSubmitter;

import java.util.ArrayList;
import java.util.List;

/** Submits to a {@link FakeGateway}; a script containing {@code FAIL_SUBMIT} is refused like a bad connector. */
public final class FakeSqlSubmitter implements SqlSubmitter {
    private final FakeGateway gateway;
    private final List<String> restorePaths = new ArrayList<>();

    public FakeSqlSubmitter(FakeGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public synchronized String submit(String restUrl, String jobName, String script, String restoreFrom) {
        if (script.contains("FAIL_SUBMIT")) {
            throw new SqlSubmitException("Could not find any factory for identifier 'nope'", null);
        }
        restorePaths.add(restoreFrom);
        return gateway.submit();
    }

    /** Restore paths of the submissions so far, null for fresh starts. */
    public synchronized List<String> restorePaths() {
        return new ArrayList<>(restorePaths);
    }

    @Override
    public void warmUp() {
    }
}
