package io.streamdesk.store;

import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.AlarmRule;
import io.streamdesk.model.EventKind;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.alarms.AlarmDryRun;
import io.streamdesk.service.alarms.AlarmEvaluator;
import io.streamdesk.service.alarms.AlarmMessage;
import io.streamdesk.service.alarms.AlarmNotifier;
import io.streamdesk.service.alarms.AlarmService;
import io.streamdesk.service.alarms.DeliveryChannel;
import io.streamdesk.service.events.EventRecorder;
import io.streamdesk.service.events.Finding;
import io.streamdesk.service.port.SeriesReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alarm state survives an app restart: the app is "restarted" by closing the H2 database and building a new
 * AlarmService over fresh stores on the same database file. A triggered alarm is cleared exactly once after the
 * restart (no second TRIGGERED), a silence and an acknowledgement set before it still hold.
 */
class AlarmStateRestartTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private final List<SeriesReader.Point> samples = new CopyOnWriteArrayList<>();
    private final SeriesReader series = (job, metric, from, to) -> samples.stream()
            .filter(p -> !p.at().isBefore(from) && p.at().isBefore(to)).toList();
    private App app;

    /** What an app start builds for alarms, over the database in {@code dir}. */
    private final class App implements AutoCloseable {
        final Database db = Database.open(dir.resolve("db"));
        final JdbcAlarmStore alarmStore = new JdbcAlarmStore(db);
        final HibernateJobStore jobs = new HibernateJobStore(db);
        final HibernateEventStore events = new HibernateEventStore(db);
        final List<AlarmMessage> sent = new CopyOnWriteArrayList<>();
        final AlarmService alarms;

        App() {
            AlarmNotifier notifier = new AlarmNotifier(alarmStore, events, List.of(recorder(sent)), Runnable::run, clock);
            AlarmEvaluator evaluator = new AlarmEvaluator(alarmStore, jobs, events, series, notifier, clock);
            alarms = new AlarmService(alarmStore, jobs, evaluator, notifier, new AlarmDryRun(events, series), clock);
        }

        List<AlarmNotification.State> sentStates() {
            return sent.stream().map(m -> m.notification().state()).toList();
        }

        @Override
        public void close() {
            db.close();
        }
    }

    @AfterEach
    void closeApp() {
        if (app != null) {
            app.close();
        }
    }

    private App restart() {
        app.close();
        app = new App();
        return app;
    }

    private static DeliveryChannel recorder(List<AlarmMessage> sent) {
        return new DeliveryChannel() {
            @Override
            public String name() {
                return "webhook";
            }

            @Override
            public boolean wanted(AlarmMessage m) {
                return true;
            }

            @Override
            public String target(AlarmMessage m) {
                return "recorder";
            }

            @Override
            public int deliver(AlarmMessage m) {
                sent.add(m);
                return 1;
            }
        };
    }

    private Job runningJob() {
        Job created = app.jobs.create(TestJobs.newJob("orders"));
        return app.jobs.updateRunState(created.withStatus(JobStatus.RUNNING));
    }

    private AlarmRule cpuRule(String name, double threshold) {
        return app.alarms.save(new AlarmRule(0, name, AlarmRule.Kind.METRIC, true, AlarmRule.Scope.workspace(),
                new AlarmRule.MetricCondition("cpu", AlarmRule.Comparison.ABOVE, threshold, 1, Duration.ofMinutes(1), false),
                null, AlarmRule.Channels.inAppOnly(), null, null));
    }

    /** Two samples of the last minute. */
    private void cpu(double value) {
        samples.clear();
        samples.add(new SeriesReader.Point(clock.instant().minusSeconds(50), "tm-1", value));
        samples.add(new SeriesReader.Point(clock.instant().minusSeconds(20), "tm-1", value));
    }

    private List<AlarmNotification.State> storedStates(long ruleId) {
        List<AlarmNotification.State> states = new ArrayList<>(app.alarms.notifications(100).stream()
                .filter(n -> n.ruleId() == ruleId).map(AlarmNotification::state).toList());
        Collections.reverse(states);
        return states;
    }

    @Test
    void metricAlarmsTriggeredBeforeARestartAreClearedOnceAfterItAndASilenceAndAnAcknowledgementHold() {
        app = new App();
        Job job = runningJob();
        AlarmRule high = cpuRule("CPU high", 0.8);
        AlarmRule veryHigh = cpuRule("CPU very high", 0.9);
        cpu(0.95);
        app.alarms.evaluateNow();
        assertThat(app.sentStates()).containsExactly(AlarmNotification.State.TRIGGERED, AlarmNotification.State.TRIGGERED);
        long notification = app.alarms.notifications(10).stream().filter(n -> n.ruleId() == high.id()).findFirst()
                .orElseThrow().id();
        app.alarms.acknowledge(notification);
        app.alarms.silence(veryHigh.id(), Duration.ofHours(1));

        restart();
        assertThat(app.alarms.triggered(high.id(), job.id())).as("restored").isTrue();
        assertThat(app.alarms.rules()).filteredOn(r -> r.id() == veryHigh.id()).singleElement()
                .satisfies(r -> assertThat(r.silencedUntil()).isEqualTo(T0.plus(Duration.ofHours(1))));
        assertThat(app.alarms.notifications(10)).filteredOn(n -> n.id() == notification).singleElement()
                .satisfies(n -> assertThat(n.acknowledged()).isTrue());
        clock.advance(Duration.ofMinutes(1));
        cpu(0.95);
        app.alarms.evaluateNow(); // still hot: no second TRIGGERED
        clock.advance(Duration.ofMinutes(1));
        cpu(0.2);
        app.alarms.evaluateNow();
        clock.advance(Duration.ofMinutes(1));
        app.alarms.evaluateNow(); // still cleared: no second CLEARED
        assertThat(app.sent).extracting(m -> m.rule().id() + " " + m.notification().state())
                .as("the silenced rule's clear is held back").containsExactly(high.id() + " CLEARED");
        assertThat(storedStates(high.id())).containsExactly(AlarmNotification.State.TRIGGERED, AlarmNotification.State.CLEARED);
        assertThat(app.alarms.triggered(veryHigh.id(), job.id())).isFalse();

        clock.advance(Duration.ofHours(1)); // the silence is over: the CLEARED it owes goes out, once
        app.alarms.evaluateNow();
        app.alarms.evaluateNow();
        assertThat(app.sent).extracting(m -> m.rule().id() + " " + m.notification().state())
                .containsExactly(high.id() + " CLEARED", veryHigh.id() + " CLEARED");
        assertThat(storedStates(veryHigh.id())).containsExactly(AlarmNotification.State.TRIGGERED, AlarmNotification.State.CLEARED);
        assertThat(app.alarms.jobsWithUnclearedAlarms(Duration.ofDays(1))).isEmpty();
    }

    @Test
    void anEventAlarmIsClearedByARecoveryRecordedBeforeTheAlarmsLookAgain() {
        app = new App();
        Job job = runningJob();
        AlarmRule rule = app.alarms.save(new AlarmRule(0, "Failures", AlarmRule.Kind.EVENT, true, AlarmRule.Scope.workspace(),
                null, "{\"kind\": [\"JOB_FAILED\"]}", AlarmRule.Channels.inAppOnly(), null, null));
        app.alarms.evaluateNow(); // the event position is stored from here on
        clock.advance(Duration.ofSeconds(1));
        new EventRecorder(app.events).record(job.id(), 1, Finding.of(EventKind.JOB_FAILED, "boom", "", ""), clock.instant());
        clock.advance(Duration.ofSeconds(1));
        app.alarms.evaluateNow();
        assertThat(app.sentStates()).containsExactly(AlarmNotification.State.TRIGGERED);

        app.close();
        clock.advance(Duration.ofSeconds(5));
        app = new App(); // the detector records events (at start, or while the app was off) before the alarms look
        new EventRecorder(app.events).record(job.id(), 1, Finding.of(EventKind.JOB_RECOVERED, "running", "", ""), clock.instant());
        Job other = app.jobs.create(TestJobs.newJob("payments"));
        new EventRecorder(app.events).record(other.id(), 1, Finding.of(EventKind.JOB_FAILED, "bang", "", ""), clock.instant());
        clock.advance(Duration.ofSeconds(5));
        app.alarms.evaluateNow();
        app.alarms.evaluateNow();

        assertThat(app.sent).extracting(m -> m.notification().jobId() + " " + m.notification().state())
                .as("the clear of the first job; the failure of the other, recorded before the alarms looked again")
                .containsExactlyInAnyOrder(job.id() + " CLEARED", other.id() + " TRIGGERED");
        assertThat(storedStates(rule.id())).containsExactly(AlarmNotification.State.TRIGGERED,
                AlarmNotification.State.TRIGGERED, AlarmNotification.State.CLEARED);
        assertThat(app.alarms.triggered(rule.id(), job.id())).isFalse();
        assertThat(app.alarms.triggered(rule.id(), other.id())).isTrue();
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

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
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
