package io.streamdesk.store;

import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.AlarmRule;
import io.streamdesk.model.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** One database for the class (opening H2 + Hibernate costs seconds); each test uses its own rows. Alarm rules, notifications, deliveries and tags on H2 (V5); secrets encrypted in an owner-only file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcAlarmStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    static Path dir;
    Database db;
    JdbcAlarmStore store;
    Job job;

    @BeforeAll
    void open() {
        db = Database.open(dir.resolve("db"));
        job = new HibernateJobStore(db).create(TestJobs.newJob("a"));
        store = new JdbcAlarmStore(db);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void rulesRoundTripWithTheirDefinition() {
        var rule = new AlarmRule(0, "CPU", AlarmRule.Kind.METRIC, true,
                new AlarmRule.Scope(AlarmRule.ScopeType.SEVERAL, List.of(job.id()), null),
                new AlarmRule.MetricCondition("job_cpu_load", AlarmRule.Comparison.AT_OR_ABOVE, 0.9, 3, Duration.ofMinutes(5), false),
                null, new AlarmRule.Channels(true, false, "https://hooks.example.org/x", "sec-1", "a@b.c"), null, T0);
        AlarmRule saved = store.saveRule(rule);
        assertThat(saved.id()).isPositive();
        assertThat(store.rules()).containsExactly(saved);
        AlarmRule silenced = store.saveRule(saved.silencedUntil(T0.plusSeconds(600)));
        assertThat(store.rules().get(0).silencedUntil()).isEqualTo(T0.plusSeconds(600));
        store.deleteRule(silenced.id());
        assertThat(store.rules()).isEmpty();
    }

    @Test
    void notificationsNewestFirstAndAcknowledgedOnce() {
        var a = store.addNotification(new AlarmNotification(0, 1, "r", job.id(), AlarmNotification.State.TRIGGERED, T0, "up", null));
        var b = store.addNotification(new AlarmNotification(0, 1, "r", job.id(), AlarmNotification.State.CLEARED, T0.plusSeconds(5), "down", null));
        assertThat(store.notifications(10)).extracting(AlarmNotification::id).containsExactly(b.id(), a.id());
        store.acknowledge(a.id(), T0.plusSeconds(7));
        store.acknowledge(a.id(), T0.plusSeconds(9));
        assertThat(store.notifications(10).get(1).acknowledgedAt()).isEqualTo(T0.plusSeconds(7));
    }

    @Test
    void deliveriesCountOnlyQueuedMessagesInTheWindow() {
        store.addDelivery(T0, "webhook", "u", "QUEUED", 0, "");
        store.addDelivery(T0, "webhook", "u", "SENT", 2, "");
        store.addDelivery(T0.minus(Duration.ofHours(25)), "email", "a@b", "QUEUED", 0, "");
        assertThat(store.deliveriesSince(T0.minus(Duration.ofHours(24)))).isEqualTo(1);
    }

    @Test
    void tagsReplaceAndSelectJobs() {
        store.setTags(job.id(), Set.of("prod", "payments"));
        store.setTags(job.id(), Set.of("prod"));
        assertThat(store.tags(job.id())).containsExactly("prod");
        assertThat(store.jobsWithTag("prod")).containsExactly(job.id());
        assertThat(store.jobsWithTag("payments")).isEmpty();
    }

    @Test
    void secretsAreEncryptedOwnerOnlyAndSurviveReopening() throws Exception {
        Path secrets = dir.resolve("secrets");
        var store1 = new FileSecretStore(secrets);
        String id = store1.put("webhook", "very-secret-value");
        assertThat(Files.readString(secrets.resolve("secrets.properties"))).doesNotContain("very-secret-value");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve("secret.key")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve("secrets.properties")))).isEqualTo("rw-------");
        assertThat(new FileSecretStore(secrets).get(id)).contains("very-secret-value");
        store1.delete(id);
        assertThat(new FileSecretStore(secrets).get(id)).isEmpty();
    }

    @Test
    void alarmStatesAndTheEventPositionRoundTrip() {
        long ruleId = 9_001;
        var changes = List.of(T0, T0.plusSeconds(60), T0.plusNanos(123_456_789));
        var forJob = new io.streamdesk.model.AlarmState(ruleId, job.id(), true, 42L, true, "cpu above 0.9", changes);
        var workspace = new io.streamdesk.model.AlarmState(ruleId, null, false, null, false, null, List.of());
        store.saveAlarmState(forJob);
        store.saveAlarmState(workspace);
        assertThat(store.alarmStates()).filteredOn(s -> s.ruleId() == ruleId).containsExactlyInAnyOrder(forJob,
                new io.streamdesk.model.AlarmState(ruleId, null, false, null, false, "", List.of()));
        var cleared = new io.streamdesk.model.AlarmState(ruleId, job.id(), false, null, false, "back to normal", changes);
        store.saveAlarmState(cleared); // replaces
        assertThat(store.alarmStates()).filteredOn(s -> s.ruleId() == ruleId && s.jobId() != null).containsExactly(cleared);
        store.deleteAlarmStates(ruleId);
        assertThat(store.alarmStates()).noneMatch(s -> s.ruleId() == ruleId);

        store.setEventsCheckedUntil(T0);
        store.setEventsCheckedUntil(T0.plusMillis(1));
        assertThat(store.eventsCheckedUntil()).contains(T0.plusMillis(1));
    }
}
