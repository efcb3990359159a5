package io.streamdesk.service.alarms;

import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.AlarmRule;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobStatus;
import io.streamdesk.model.JobType;
import io.streamdesk.service.events.EventRecorder;
import io.streamdesk.service.events.Finding;
import io.streamdesk.service.port.SeriesReader;
import io.streamdesk.testing.InMemoryAlarmStore;
import io.streamdesk.testing.InMemoryEventStore;
import io.streamdesk.testing.InMemoryJobStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Alarm evaluation: N periods, cumulative counters, event rules trigger -> clear, silence, flaps, budget, dry run. */
class AlarmEvaluatorTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryAlarmStore alarms = new InMemoryAlarmStore();
    private final InMemoryEventStore events = new InMemoryEventStore();
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final List<SeriesReader.Point> samples = new CopyOnWriteArrayList<>();
    private final SeriesReader series = (job, metric, from, to) -> samples.stream()
            .filter(p -> p.subject().startsWith(metric + "/") && !p.at().isBefore(from) && p.at().isBefore(to)).toList();
    private final List<AlarmMessage> webhooks = new CopyOnWriteArrayList<>();
    private AlarmService service;
    private Job job;

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final DeliveryChannel fakeWebhook = new DeliveryChannel() {
        @Override
        public String name() {
            return "webhook";
        }

        @Override
        public boolean wanted(AlarmMessage m) {
            return m.rule().channels().webhookUrl() != null;
        }

        @Override
        public String target(AlarmMessage m) {
            return m.rule().channels().webhookUrl();
        }

        @Override
        public int deliver(AlarmMessage m) {
            webhooks.add(m);
            return 1;
        }
    };

    @BeforeEach
    void setUp() {
        job = jobs.create(new Job(new JobId("cql-abcdefgh"), "orders", "/prod", JobType.SQL, "local", JobStatus.RUNNING, 1,
                T0.minusSeconds(3600), Duration.ZERO, T0.minusSeconds(3600), 1, "f1", null));
        AlarmNotifier notifier = new AlarmNotifier(alarms, events, List.of(fakeWebhook), Runnable::run, clock);
        AlarmEvaluator evaluator = new AlarmEvaluator(alarms, jobs, events, series, notifier, clock);
        service = new AlarmService(alarms, jobs, evaluator, notifier, new AlarmDryRun(events, series), clock);
    }

    /** One sample per 30 s of {@code metric} from {@code from} with the given values. */
    private void add(String metric, Instant from, double... values) {
        for (int i = 0; i < values.length; i++) {
            samples.add(new SeriesReader.Point(from.plusSeconds(30L * i), metric + "/tm-1", values[i]));
        }
    }

    private AlarmRule cpuRule(int periods) {
        return service.save(new AlarmRule(0, "CPU high", AlarmRule.Kind.METRIC, true, AlarmRule.Scope.workspace(),
                new AlarmRule.MetricCondition("cpu", AlarmRule.Comparison.ABOVE, 0.8, periods, Duration.ofMinutes(1), false),
                null, new AlarmRule.Channels(true, true, "http://127.0.0.1:1/hook", null, null), null, null));
    }

    private List<AlarmNotification.State> states() {
        List<AlarmNotification.State> s = new ArrayList<>(alarms.notifications(100).stream().map(AlarmNotification::state).toList());
        java.util.Collections.reverse(s);
        return s;
    }

    @Test
    void metricAlarmNeedsAllNPeriodsThenClears() {
        cpuRule(3);
        add("cpu", T0.minusSeconds(180), 0.9, 0.9, 0.5, 0.5, 0.9, 0.9); // middle period mean 0.5
        service.evaluateNow();
        assertThat(alarms.notifications(10)).isEmpty();

        samples.clear();
        add("cpu", T0.minusSeconds(180), 0.9, 0.9, 0.85, 0.85, 0.81, 0.81);
        service.evaluateNow();
        assertThat(states()).containsExactly(AlarmNotification.State.TRIGGERED);
        assertThat(webhooks).hasSize(1);
        assertThat(webhooks.get(0).json().path("alarmState").asText()).isEqualTo("TRIGGERED");

        clock.advance(Duration.ofMinutes(1));
        add("cpu", T0, 0.2, 0.2);
        service.evaluateNow();
        assertThat(states()).containsExactly(AlarmNotification.State.TRIGGERED, AlarmNotification.State.CLEARED);
        assertThat(webhooks).hasSize(2);
        assertThat(events.listAll(10)).extracting(e -> e.kind())
                .containsExactly(EventKind.ALARM_CLEARED, EventKind.ALARM_TRIGGERED);
    }

    @Test
    void aTriggeredMetricAlarmClearsWhenItsJobStops() {
        cpuRule(2);
        add("cpu", T0.minusSeconds(120), 0.9, 0.9, 0.95, 0.95);
        service.evaluateNow();
        assertThat(states()).containsExactly(AlarmNotification.State.TRIGGERED);

        jobs.updateRunState(jobs.find(job.id()).orElseThrow().withStatus(JobStatus.STOPPED));
        clock.advance(Duration.ofMinutes(1));
        service.evaluateNow();

        assertThat(states()).containsExactly(AlarmNotification.State.TRIGGERED, AlarmNotification.State.CLEARED);
        assertThat(alarms.notifications(1).get(0).message()).contains("no longer running");
        service.evaluateNow();
        assertThat(states()).as("cleared once").hasSize(2);
    }

    @Test
    void cumulativeMetricAlarmsOnItsIncreasePerPeriod() {
        service.save(new AlarmRule(0, "Restarts", AlarmRule.Kind.METRIC, true, AlarmRule.Scope.workspace(),
                new AlarmRule.MetricCondition("restarts", AlarmRule.Comparison.AT_OR_ABOVE, 2, 1, Duration.ofMinutes(1), true),
                null, AlarmRule.Channels.inAppOnly(), null, null));
        add("restarts", T0.minusSeconds(120), 5, 5, 6); // +1 in the last minute
        service.evaluateNow();
        assertThat(alarms.notifications(10)).isEmpty();
        samples.clear();
        add("restarts", T0.minusSeconds(120), 5, 5, 7); // +2
        service.evaluateNow();
        assertThat(states()).containsExactly(AlarmNotification.State.TRIGGERED);
    }

    @Test
    void eventAlarmTriggersOnAMatchAndClearsWithTheRecovery() {
        service.save(new AlarmRule(0, "Failures in prod", AlarmRule.Kind.EVENT, true, AlarmRule.Scope.workspace(), null,
                "{\"kind\": [\"JOB_FAILED\"], \"folderId\": [{\"prefix\": \"/prod\"}]}", AlarmRule.Channels.inAppOnly(), null, null));
        EventRecorder recorder = new EventRecorder(events);
        recorder.record(job.id(), 1, Finding.of(EventKind.CHECKPOINT_FAILED, "c", "", ""), clock.instant());
        clock.advance(Duration.ofSeconds(1));
        recorder.record(job.id(), 1, Finding.of(EventKind.JOB_FAILED, "boom", "", ""), clock.instant());
        clock.advance(Duration.ofSeconds(1));
        service.evaluateNow();
        assertThat(alarms.notifications(10)).singleElement().satisfies(n -> {
            assertThat(n.state()).isEqualTo(AlarmNotification.State.TRIGGERED);
            assertThat(n.message()).contains("boom");
            assertThat(n.jobId()).isEqualTo(job.id());
        });
        assertThat(service.jobsWithUnclearedAlarms(Duration.ofDays(1))).containsExactly(job.id());

        recorder.record(job.id(), 1, Finding.of(EventKind.JOB_RECOVERED, "running", "", ""), clock.instant());
        clock.advance(Duration.ofSeconds(1));
        service.evaluateNow();
        assertThat(states()).containsExactly(AlarmNotification.State.TRIGGERED, AlarmNotification.State.CLEARED);
        assertThat(service.jobsWithUnclearedAlarms(Duration.ofDays(1))).isEmpty();
    }

    @Test
    void rulesByTagWatchOnlyTaggedJobs() {
        Job other = jobs.create(new Job(new JobId("cql-zzzzzzzz"), "other", "/prod", JobType.SQL, "local", JobStatus.RUNNING,
                1, T0, Duration.ZERO, T0, 1, "f2", null));
        service.setTags(other.id(), Set.of("payments"));
        AlarmRule rule = service.save(new AlarmRule(0, "Tagged", AlarmRule.Kind.EVENT, true,
                new AlarmRule.Scope(AlarmRule.ScopeType.TAG, List.of(), "payments"), null, "{\"kind\": [\"JOB_FAILED\"]}",
                AlarmRule.Channels.inAppOnly(), null, null));
        assertThat(service.inScope(rule)).extracting(Job::id).containsExactly(other.id());
        events.add(new io.streamdesk.model.JobEvent(0, job.id(), 1, EventKind.JOB_FAILED, clock.instant(), "x", null, null, null, null));
        events.add(new io.streamdesk.model.JobEvent(0, other.id(), 1, EventKind.JOB_FAILED, clock.instant(), "y", null, null, null, null));
        clock.advance(Duration.ofSeconds(1));
        service.evaluateNow();
        assertThat(alarms.notifications(10)).extracting(AlarmNotification::jobId).containsExactly(other.id());
    }

    @Test
    void silencedRuleNotifiesNothingButKeepsItsState() {
        AlarmRule rule = cpuRule(1);
        service.silence(rule.id(), Duration.ofHours(1));
        add("cpu", T0.minusSeconds(60), 0.95, 0.95);
        service.evaluateNow();
        assertThat(alarms.notifications(10)).isEmpty();
        assertThat(service.triggered(rule.id(), job.id())).isTrue();
    }

    @Test
    void flappingAlarmIsHeldBackAfterFourChangesAndSaysSoOnce() {
        cpuRule(1);
        for (int i = 0; i < 8; i++) {
            samples.clear();
            add("cpu", clock.instant().minusSeconds(60), i % 2 == 0 ? 0.95 : 0.1, i % 2 == 0 ? 0.95 : 0.1);
            service.evaluateNow();
            clock.advance(Duration.ofMinutes(1));
        }
        List<AlarmNotification> all = alarms.notifications(100);
        assertThat(all).hasSize(FlapGuard.MAX_CHANGES + 1);
        assertThat(all.get(0).message()).startsWith("Flapping");
    }

    @Test
    void acknowledgeMarksTheNotification() {
        cpuRule(1);
        add("cpu", T0.minusSeconds(60), 0.95, 0.95);
        service.evaluateNow();
        long id = alarms.notifications(1).get(0).id();
        service.acknowledge(id);
        assertThat(alarms.notifications(1).get(0).acknowledged()).isTrue();
    }

    @Test
    void externalMessagesStopAtTheDailyLimit() {
        for (int i = 0; i < AlarmNotifier.DAILY_LIMIT - 1; i++) {
            alarms.addDelivery(T0.minusSeconds(3600), "webhook", "x", "QUEUED", 0, "");
        }
        alarms.addDelivery(T0.minus(Duration.ofHours(25)), "webhook", "x", "QUEUED", 0, "older than a day");
        cpuRule(1);
        add("cpu", T0.minusSeconds(60), 0.95, 0.95);
        service.evaluateNow(); // message 1,000: sent
        assertThat(webhooks).hasSize(1);
        assertThat(service.sentLast24h()).isEqualTo(AlarmNotifier.DAILY_LIMIT);
        clock.advance(Duration.ofMinutes(1));
        add("cpu", T0, 0.1, 0.1);
        service.evaluateNow(); // message 1,001: dropped, but still in the in-app list
        assertThat(webhooks).hasSize(1);
        assertThat(alarms.deliveries).extracting(InMemoryAlarmStore.Delivery::outcome).contains("DROPPED");
        assertThat(alarms.notifications(10)).hasSize(2);
    }

    @Test
    void dryRunShowsWhenAMetricRuleWouldHaveFired() {
        AlarmRule rule = cpuRule(2);
        Instant start = T0.minus(Duration.ofHours(1));
        double[] values = new double[120];
        for (int i = 0; i < values.length; i++) {
            values[i] = i >= 40 && i < 60 ? 0.95 : 0.3; // minutes 20..30 of the hour are hot
        }
        add("cpu", start, values);
        List<AlarmDryRun.Hit> hits = service.dryRun(rule, 1);
        assertThat(hits).extracting(AlarmDryRun.Hit::triggered).containsExactly(true, false);
        assertThat(hits.get(0).at()).isEqualTo(start.plus(Duration.ofMinutes(22)));
        assertThat(hits.get(1).at()).isEqualTo(start.plus(Duration.ofMinutes(31)));
        assertThat(alarms.notifications(10)).as("a dry run notifies nobody").isEmpty();
    }

    @Test
    void invalidRulesAreRefusedWithTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.save(new AlarmRule(0, " ", AlarmRule.Kind.EVENT, true,
                AlarmRule.Scope.workspace(), null, "{}", AlarmRule.Channels.inAppOnly(), null, null))).hasMessageContaining("name");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.save(new AlarmRule(0, "x", AlarmRule.Kind.EVENT, true,
                AlarmRule.Scope.workspace(), null, "{\"kind\": [\"JOB_FAILED\"]}",
                new AlarmRule.Channels(true, false, "ftp://x", null, null), null, null))).hasMessageContaining("Webhook URL");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.setTags(job.id(), Set.of("Bad Tag")))
                .hasMessageContaining("Bad Tag");
    }

    /** A new evaluator and service over the same store, as after an app restart. */
    private void restart() {
        AlarmNotifier notifier = new AlarmNotifier(alarms, events, List.of(fakeWebhook), Runnable::run, clock);
        service = new AlarmService(alarms, jobs, new AlarmEvaluator(alarms, jobs, events, series, notifier, clock), notifier,
                new AlarmDryRun(events, series), clock);
    }

    private void cpuNow(double value) {
        samples.clear();
        add("cpu", clock.instant().minusSeconds(60), value, value);
    }

    @Test
    void aRestartRemembersThatAnAlarmFlaps() {
        cpuRule(1);
        for (int i = 0; i < 5; i++) { // the fifth change starts the flapping
            cpuNow(i % 2 == 0 ? 0.95 : 0.1);
            service.evaluateNow();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(alarms.notifications(100)).hasSize(FlapGuard.MAX_CHANGES + 1);
        restart();
        cpuNow(0.1);
        service.evaluateNow(); // a sixth change within the hour: still held back
        assertThat(alarms.notifications(100)).hasSize(FlapGuard.MAX_CHANGES + 1);
    }

    @Test
    void anAlarmThatTriggeredDuringASilenceIsToldOnceTheSilenceEnds() {
        AlarmRule rule = cpuRule(1);
        service.silence(rule.id(), Duration.ofMinutes(30));
        cpuNow(0.95);
        service.evaluateNow();
        assertThat(alarms.notifications(10)).isEmpty();
        restart();
        clock.advance(Duration.ofMinutes(31));
        cpuNow(0.95);
        service.evaluateNow();
        service.evaluateNow();
        assertThat(states()).containsExactly(AlarmNotification.State.TRIGGERED);
        assertThat(alarms.notifications(1).get(0).message()).startsWith("Held back until now");
    }

    @Test
    void noClearedIsSentForAnAlarmWhoseTriggerWasNeverTold() {
        AlarmRule rule = cpuRule(1);
        service.silence(rule.id(), Duration.ofMinutes(30));
        cpuNow(0.95);
        service.evaluateNow(); // triggered, silenced
        clock.advance(Duration.ofMinutes(5));
        cpuNow(0.1);
        service.evaluateNow(); // cleared, silenced
        clock.advance(Duration.ofMinutes(30));
        service.evaluateNow(); // the silence is over: nothing is owed
        assertThat(alarms.notifications(10)).isEmpty();
        assertThat(webhooks).isEmpty();
    }
}
