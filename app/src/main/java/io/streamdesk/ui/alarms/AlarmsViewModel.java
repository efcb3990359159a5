package io.streamdesk.ui.alarms;

import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.AlarmRule;
import io.streamdesk.model.JobId;
import io.streamdesk.service.alarms.AlarmDryRun;
import io.streamdesk.service.alarms.AlarmNotifier;
import io.streamdesk.service.alarms.AlarmService;
import io.streamdesk.service.events.MetricNames;
import io.streamdesk.service.prometheus.GrafanaDashboard;
import io.streamdesk.ui.task.BackgroundTask;
import io.streamdesk.ui.task.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Alarm rules (AL1, AL2) with an editor form, silence, dry run, and the notification list with acknowledge and
 * the 24 h message counter (AL3).
 */
public final class AlarmsViewModel {
    private final Supplier<AlarmService> alarms;
    private final UiContext ctx;
    private final ObservableList<AlarmRule> rules = FXCollections.observableArrayList();
    private final ObservableList<AlarmNotification> notifications = FXCollections.observableArrayList();
    private final ObservableList<String> dryRunLines = FXCollections.observableArrayList();
    private final ObjectProperty<AlarmRule> editing = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper counter = new ReadOnlyStringWrapper("");

    // the form
    public final StringProperty name = new SimpleStringProperty("");
    public final ObjectProperty<AlarmRule.Kind> kind = new SimpleObjectProperty<>(AlarmRule.Kind.EVENT);
    public final StringProperty metric = new SimpleStringProperty(MetricNames.RESTARTS);
    public final ObjectProperty<AlarmRule.Comparison> comparison = new SimpleObjectProperty<>(AlarmRule.Comparison.ABOVE);
    public final StringProperty threshold = new SimpleStringProperty("0");
    public final StringProperty periods = new SimpleStringProperty("1");
    public final StringProperty periodMinutes = new SimpleStringProperty("5");
    public final BooleanProperty cumulative = new SimpleBooleanProperty(true);
    public final StringProperty pattern = new SimpleStringProperty("{\"kind\": [\"JOB_FAILED\", \"CHECKPOINT_FAILED\"]}");
    public final ObjectProperty<AlarmRule.ScopeType> scopeType = new SimpleObjectProperty<>(AlarmRule.ScopeType.WORKSPACE);
    public final StringProperty scopeJobs = new SimpleStringProperty("");
    public final StringProperty scopeTag = new SimpleStringProperty("");
    public final BooleanProperty desktop = new SimpleBooleanProperty(true);
    public final StringProperty webhookUrl = new SimpleStringProperty("");
    public final StringProperty webhookSecret = new SimpleStringProperty("");
    public final StringProperty emailTo = new SimpleStringProperty("");
    public final BooleanProperty enabled = new SimpleBooleanProperty(true);
    public final StringProperty dryRunHours = new SimpleStringProperty("24");

    public AlarmsViewModel(Supplier<AlarmService> alarms, UiContext ctx) {
        this.alarms = alarms;
        this.ctx = ctx;
    }

    public ObservableList<AlarmRule> rules() {
        return rules;
    }

    public ObservableList<AlarmNotification> notifications() {
        return notifications;
    }

    public ObservableList<String> dryRunLines() {
        return dryRunLines;
    }

    public ObjectProperty<AlarmRule> editingProperty() {
        return editing;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty counterProperty() {
        return counter.getReadOnlyProperty();
    }

    public List<String> metricNames() {
        List<String> names = new ArrayList<>(GrafanaDashboard.METRICS);
        names.addAll(Arrays.asList(MetricNames.TM_CPU_LOAD, MetricNames.JM_CPU_LOAD, MetricNames.TM_OLD_GC_TIME,
                MetricNames.TASK_BUSY_TIME));
        return names;
    }

    public void refresh() {
        AlarmService s = alarms.get();
        if (s == null) {
            return;
        }
        record Loaded(List<AlarmRule> rules, List<AlarmNotification> notes, int sent) {
        }
        BackgroundTask.wrap(() -> new Loaded(s.rules(), s.notifications(500), s.sentLast24h()))
                .onSuccess(l -> {
                    rules.setAll(l.rules());
                    notifications.setAll(l.notes());
                    counter.set(String.format("%,d of %,d external messages sent in the last 24 h", l.sent(), AlarmNotifier.DAILY_LIMIT));
                })
                .onFailure(e -> error.set(e.getMessage()))
                .executeWith(ctx);
    }

    /** Clears the form for a new rule. */
    public void newRule() {
        editing.set(null);
        name.set("");
        enabled.set(true);
        webhookSecret.set("");
        dryRunLines.clear();
        error.set("");
    }

    /** Loads a rule into the form. */
    public void edit(AlarmRule r) {
        editing.set(r);
        if (r == null) {
            return;
        }
        name.set(r.name());
        kind.set(r.kind());
        enabled.set(r.enabled());
        if (r.metric() != null) {
            metric.set(r.metric().metric());
            comparison.set(r.metric().comparison());
            threshold.set(String.valueOf(r.metric().threshold()));
            periods.set(String.valueOf(r.metric().periods()));
            periodMinutes.set(String.valueOf(r.metric().period().toMinutes()));
            cumulative.set(r.metric().cumulative());
        }
        if (r.eventPattern() != null) {
            pattern.set(r.eventPattern());
        }
        scopeType.set(r.scope().type());
        scopeJobs.set(String.join(", ", r.scope().jobs().stream().map(JobId::value).toList()));
        scopeTag.set(r.scope().tag() == null ? "" : r.scope().tag());
        desktop.set(r.channels().desktop());
        webhookUrl.set(r.channels().webhookUrl() == null ? "" : r.channels().webhookUrl());
        webhookSecret.set("");
        emailTo.set(r.channels().emailTo() == null ? "" : r.channels().emailTo());
        dryRunLines.clear();
        error.set("");
    }

    /** The rule the form describes (without storing a new secret); throws with the field on bad numbers. */
    AlarmRule formRule(String secretId) {
        AlarmRule before = editing.get();
        AlarmRule.MetricCondition condition = kind.get() != AlarmRule.Kind.METRIC ? null
                : new AlarmRule.MetricCondition(metric.get().strip(), comparison.get(), number("Threshold", threshold.get()),
                (int) number("Periods", periods.get()), Duration.ofMinutes((long) number("Period (min)", periodMinutes.get())),
                cumulative.get());
        List<JobId> jobIds = new ArrayList<>();
        for (String part : scopeJobs.get().split("[,\\s]+")) {
            if (!part.isBlank()) {
                try {
                    jobIds.add(new JobId(part.strip()));
                } catch (IllegalArgumentException e) {
                    throw new io.streamdesk.service.InputRejectedException("Jobs: '" + part + "' is not a job ID (cql-xxxxxxxx).");
                }
            }
        }
        String secret = secretId != null ? secretId : before == null ? null : before.channels().webhookSecretId();
        return new AlarmRule(before == null ? 0 : before.id(), name.get(), kind.get(), enabled.get(),
                new AlarmRule.Scope(scopeType.get(), jobIds, scopeTag.get().isBlank() ? null : scopeTag.get().strip()),
                condition, kind.get() == AlarmRule.Kind.EVENT ? pattern.get() : null,
                new AlarmRule.Channels(true, desktop.get(), blankToNull(webhookUrl.get()), secret, blankToNull(emailTo.get())),
                before == null ? null : before.silencedUntil(), before == null ? null : before.createdAt());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static double number(String field, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new io.streamdesk.service.InputRejectedException(field + ": a number (got '" + text + "').");
        }
    }

    public void save() {
        AlarmService s = alarms.get();
        String secret = webhookSecret.get();
        BackgroundTask.wrap(() -> {
                    String secretId = secret == null || secret.isEmpty() ? null : s.putSecret("webhook " + name.get(), secret);
                    return s.save(formRule(secretId));
                })
                .titled("Saving alarm rule")
                .onSuccess(saved -> {
                    error.set("");
                    webhookSecret.set("");
                    editing.set(saved);
                    refresh();
                })
                .onFailure(e -> error.set(e.getMessage()))
                .executeWith(ctx);
    }

    public void delete() {
        AlarmRule r = editing.get();
        if (r == null) {
            return;
        }
        BackgroundTask.wrap(() -> alarms.get().delete(r.id())).onSuccess(v -> {
            newRule();
            refresh();
        }).onFailure(e -> error.set(e.getMessage())).executeWith(ctx);
    }

    /** Silences the edited rule for {@code period} (zero lifts the silence). */
    public void silence(Duration period) {
        AlarmRule r = editing.get();
        if (r == null) {
            error.set("Save the rule before silencing it.");
            return;
        }
        BackgroundTask.wrap(() -> alarms.get().silence(r.id(), period)).onSuccess(saved -> {
            editing.set(saved);
            refresh();
        }).onFailure(e -> error.set(e.getMessage())).executeWith(ctx);
    }

    public void dryRun() {
        AlarmService s = alarms.get();
        BackgroundTask.wrap(() -> s.dryRun(formRule(null), (int) number("Dry run hours", dryRunHours.get())))
                .titled("Dry run")
                .onSuccess(hits -> {
                    error.set("");
                    dryRunLines.setAll(hits.isEmpty() ? List.of("Would not have fired in the last " + dryRunHours.get() + " h.")
                            : hits.stream().map(AlarmsViewModel::line).toList());
                })
                .onFailure(e -> error.set(e.getMessage()))
                .executeWith(ctx);
    }

    private static String line(AlarmDryRun.Hit h) {
        return io.streamdesk.ui.Formats.preciseTime(h.at()) + "  " + (h.triggered() ? "TRIGGERED" : "cleared  ") + "  "
                + (h.jobId() == null ? "" : h.jobId().value() + "  ") + h.detail();
    }

    public void acknowledge(AlarmNotification n) {
        if (n == null) {
            return;
        }
        BackgroundTask.wrap(() -> alarms.get().acknowledge(n.id())).onSuccess(v -> refresh())
                .onFailure(e -> error.set(e.getMessage())).executeWith(ctx);
    }

    /** A view model for the SMTP settings dialog (AL3). */
    public SmtpSettingsViewModel smtpSettings() {
        return new SmtpSettingsViewModel(() -> {
            AlarmService a = alarms.get();
            return a == null ? null : a.smtp();
        }, ctx);
    }
}
