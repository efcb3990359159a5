package io.streamdesk.service.compare;

import io.streamdesk.model.Draft;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;
import io.streamdesk.service.JobService;
import java.util.Map;

/** Compares versions of a job with each other or with the current draft (V3). Blocking: call it off the UI thread. */
public final class CompareService {
    public static final String DRAFT_TITLE = "Draft";

    private final JobService jobs;

    public CompareService(JobService jobs) {
        this.jobs = jobs;
    }

    /** {@code older} on the left, {@code newer} on the right (any two numbers; the caller orders them). */
    public VersionComparison compareVersions(JobId id, int older, int newer, CompareOptions options) {
        JobVersion left = jobs.version(id, older);
        JobVersion right = jobs.version(id, newer);
        return compare(title(left), left.sql(), VersionConfiguration.of(left),
                title(right), right.sql(), VersionConfiguration.of(right), options);
    }

    /** The version on the left, the saved draft on the right. */
    public VersionComparison compareWithDraft(JobId id, int version, CompareOptions options) {
        JobVersion left = jobs.version(id, version);
        java.util.Optional<Draft> saved = jobs.draft(id);
        String draft = saved.map(Draft::sql).orElse("");
        return compare(title(left), left.sql(), VersionConfiguration.of(left),
                DRAFT_TITLE, draft, VersionConfiguration.of(draft, saved.map(Draft::config).orElse(null)), options);
    }

    /** The version on the left, {@code draftText} (what the editor holds now) with the saved configuration on the right. */
    public VersionComparison compareWithDraftText(JobId id, int version, String draftText, CompareOptions options) {
        JobVersion left = jobs.version(id, version);
        return compare(title(left), left.sql(), VersionConfiguration.of(left),
                DRAFT_TITLE, draftText, VersionConfiguration.of(draftText, jobs.draft(id).map(Draft::config).orElse(null)),
                options);
    }

    public static VersionComparison compare(String leftTitle, String leftSql, Map<String, String> leftConfig,
                                            String rightTitle, String rightSql, Map<String, String> rightConfig,
                                            CompareOptions options) {
        TextComparison sql = new TextComparer(options).apply(leftSql, rightSql);
        return new VersionComparison(leftTitle, rightTitle, sql, ConfigComparison.of(leftConfig, rightConfig));
    }

    static String title(JobVersion v) {
        return "v" + v.number() + " — " + v.description();
    }
}
