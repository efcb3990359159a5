package io.streamdesk.service.alarms;

import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.AlarmRule;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.port.AlarmStore;
import io.streamdesk.service.port.JobStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Alarm use cases for the UI and CLI: rules (validated), silence, acknowledge, tags, dry run, notifications. */
public final class AlarmService {
    public static final int MAX_TAGS = 20;
    public static final Duration MAX_SILENCE = Duration.ofDays(30);
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}(=\\S{0,200})?");

    private final AlarmStore store;
    private final JobStore jobs;
    private final AlarmEvaluator evaluator;
    private final AlarmNotifier notifier;
    private final AlarmDryRun dryRun;
    private final Clock clock;
    private io.streamdesk.service.port.SecretStore secrets;

    public AlarmService(AlarmStore store, JobStore jobs, AlarmEvaluator evaluator, AlarmNotifier notifier,
                        AlarmDryRun dryRun, Clock clock) {
        this.store = store;
        this.jobs = jobs;
        this.evaluator = evaluator;
        this.notifier = notifier;
        this.dryRun = dryRun;
        this.clock = clock;
        evaluator.restore(); // alarm states and the event position of the app's previous run
    }

    /** Where webhook secrets and SMTP passwords go (decision 7). */
    public AlarmService withSecrets(io.streamdesk.service.port.SecretStore secretStore) {
        this.secrets = secretStore;
        return this;
    }

    private SmtpSettingsService smtp;

    /** The SMTP settings of alarm email (AL3). */
    public AlarmService withSmtp(SmtpSettingsService smtpSettings) {
        this.smtp = smtpSettings;
        return this;
    }

    /** The SMTP settings of alarm email, or null when this app has none wired. */
    public SmtpSettingsService smtp() {
        return smtp;
    }

    /** The secret store, or null when none is configured (for service helpers that read a stored password). */
    public io.streamdesk.service.port.SecretStore secretStore() {
        return secrets;
    }

    /** Keeps a secret (a webhook key) in the secret store; answers its id for the rule. */
    public String putSecret(String label, String value) {
        if (secrets == null) {
            throw new IllegalStateException("No secret store is configured");
        }
        if (value == null || value.isEmpty() || value.length() > 4096) {
            throw new InputRejectedException("Secret: 1..4096 characters.");
        }
        return secrets.put(label, value);
    }

    public List<AlarmRule> rules() {
        return store.rules();
    }

    /** Validates and saves a rule (new when its id is 0). */
    public AlarmRule save(AlarmRule rule) {
        validate(rule);
        AlarmRule withTime = rule.createdAt() == null
                ? new AlarmRule(rule.id(), rule.name().strip(), rule.kind(), rule.enabled(), rule.scope(), rule.metric(),
                rule.eventPattern(), rule.channels(), rule.silencedUntil(), clock.instant())
                : rule;
        return store.saveRule(withTime);
    }

    public void delete(long ruleId) {
        store.deleteRule(ruleId);
        evaluator.forget(ruleId);
    }

    /** No notifications from the rule for {@code period} (state is still tracked). */
    public AlarmRule silence(long ruleId, Duration period) {
        if (period.isNegative() || period.compareTo(MAX_SILENCE) > 0) {
            throw new InputRejectedException("Silence: between 0 and " + MAX_SILENCE.toDays() + " days.");
        }
        AlarmRule rule = find(ruleId);
        return store.saveRule(rule.silencedUntil(period.isZero() ? null : clock.instant().plus(period)));
    }

    public void acknowledge(long notificationId) {
        store.acknowledge(notificationId, clock.instant());
    }

    public List<AlarmNotification> notifications(int limit) {
        return store.notifications(limit);
    }

    /** External messages sent in the last 24 h, of {@link AlarmNotifier#DAILY_LIMIT}. */
    public int sentLast24h() {
        return notifier.sentLast24h();
    }

    public void addDesktopListener(Consumer<AlarmNotification> listener) {
        notifier.addDesktopListener(listener);
    }

    public List<AlarmDryRun.Hit> dryRun(AlarmRule rule, int hours) {
        validate(rule);
        return dryRun.run(rule, evaluator.inScope(rule, jobs.list()), clock.instant(), hours);
    }

    public void evaluateNow() {
        evaluator.evaluate();
    }

    /** Jobs whose latest alarm change within the last {@code since} is TRIGGERED and not cleared since (D5). */
    public Set<JobId> jobsWithUnclearedAlarms(Duration since) {
        Instant from = clock.instant().minus(since);
        Set<JobId> open = new LinkedHashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        for (AlarmNotification n : store.notifications(5_000)) { // newest first: the first per rule+job decides
            if (n.at().isBefore(from) || n.jobId() == null || !seen.add(n.ruleId() + "/" + n.jobId().value())) {
                continue;
            }
            if (n.state() == AlarmNotification.State.TRIGGERED) {
                open.add(n.jobId());
            }
        }
        return open;
    }

    public Set<String> tags(JobId jobId) {
        return store.tags(jobId);
    }

    /** Tags are key or key=value (the job tags of J2), at most 20 per job. */
    public void setTags(JobId jobId, Set<String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw new InputRejectedException("Tags: at most " + MAX_TAGS + " per job.");
        }
        for (String t : tags) {
            if (!TAG.matcher(t).matches()) {
                throw new InputRejectedException("Tag '" + t + "': key or key=value; the key is letters, digits, '.', '_', ':' or '-'.");
            }
        }
        store.setTags(jobId, tags);
    }

    private AlarmRule find(long id) {
        return store.rules().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new InputRejectedException("No alarm rule with id " + id + "."));
    }

    static void validate(AlarmRule rule) {
        if (rule.name() == null || rule.name().isBlank()) {
            throw new InputRejectedException("Alarm name: a rule needs a name.");
        }
        if (rule.name().strip().length() > 200) {
            throw new InputRejectedException("Alarm name: at most 200 characters.");
        }
        if (rule.scope() == null) {
            throw new InputRejectedException("Scope: choose one job, several, the workspace or a tag.");
        }
        switch (rule.scope().type()) {
            case ONE -> {
                if (rule.scope().jobs().size() != 1) {
                    throw new InputRejectedException("Scope: 'one job' needs exactly one job.");
                }
            }
            case SEVERAL -> {
                if (rule.scope().jobs().isEmpty()) {
                    throw new InputRejectedException("Scope: 'several jobs' needs at least one job.");
                }
            }
            case TAG -> {
                if (rule.scope().tag() == null || !TAG.matcher(rule.scope().tag()).matches()) {
                    throw new InputRejectedException("Scope: name a tag key, or key=value.");
                }
            }
            case WORKSPACE -> {
            }
        }
        if (rule.kind() == AlarmRule.Kind.METRIC) {
            var m = rule.metric();
            if (m == null || m.metric() == null || m.metric().isBlank()) {
                throw new InputRejectedException("Metric: choose a metric.");
            }
            if (m.comparison() == null) {
                throw new InputRejectedException("Comparison: choose >, >=, < or <=.");
            }
            if (m.periods() < 1 || m.periods() > 100) {
                throw new InputRejectedException("Periods: 1..100 consecutive periods (got " + m.periods() + ").");
            }
            if (m.period() == null || m.period().compareTo(Duration.ofMinutes(1)) < 0 || m.period().compareTo(Duration.ofDays(1)) > 0) {
                throw new InputRejectedException("Period: between 1 minute and 1 day.");
            }
            if (Double.isNaN(m.threshold()) || Double.isInfinite(m.threshold())) {
                throw new InputRejectedException("Threshold: a finite number.");
            }
        } else {
            EventPattern.parse(rule.eventPattern());
        }
        var ch = rule.channels();
        if (ch == null) {
            throw new InputRejectedException("Delivery: choose at least the in-app list.");
        }
        if (ch.webhookUrl() != null && !ch.webhookUrl().isBlank()) {
            String url = ch.webhookUrl().strip();
            if (!(url.startsWith("http://") || url.startsWith("https://")) || url.length() > 2000) {
                throw new InputRejectedException("Webhook URL: an http:// or https:// address of at most 2000 characters.");
            }
            try {
                java.net.URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new InputRejectedException("Webhook URL: " + e.getMessage());
            }
        }
        if (ch.emailTo() != null && !ch.emailTo().isBlank() && !ch.emailTo().matches("[^@\\s,]+@[^@\\s,]+(\\s*,\\s*[^@\\s,]+@[^@\\s,]+)*")) {
            throw new InputRejectedException("Email: one or more addresses separated by commas (got '" + ch.emailTo() + "').");
        }
    }

    /** For tests and the overview: whether an alarm is triggered now. */
    public boolean triggered(long ruleId, JobId jobId) {
        return evaluator.triggered(ruleId, jobId);
    }

    public List<Job> inScope(AlarmRule rule) {
        return evaluator.inScope(rule, jobs.list());
    }
}
