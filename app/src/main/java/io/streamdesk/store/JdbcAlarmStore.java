package io.streamdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.streamdesk.model.AlarmNotification;
import io.streamdesk.model.AlarmRule;
import io.streamdesk.model.AlarmState;
import io.streamdesk.model.JobId;
import io.streamdesk.service.port.AlarmStore;
import io.streamdesk.service.port.StoreException;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link AlarmStore} over plain JDBC (V5 tables, V8 alarm state). A rule's scope, condition, pattern and channels are kept as one
 * JSON definition; name, kind, enabled and silence are columns. Every call is its own committed transaction.
 */
public final class JdbcAlarmStore implements AlarmStore {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final DataSource ds;

    public JdbcAlarmStore(Database db) {
        this(db.dataSource());
    }

    /** Over a data source opened without Hibernate (the command line's run path). */
    public JdbcAlarmStore(DataSource dataSource) {
        this.ds = dataSource;
    }

    /** The JSON definition: everything of a rule but the columns. */
    record Definition(AlarmRule.Scope scope, AlarmRule.MetricCondition metric, String eventPattern,
                      AlarmRule.Channels channels) {
    }

    private <T> T jdbc(String action, JdbcTransactions.Work<T> work) {
        return JdbcTransactions.inTransaction(ds, action, work);
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    @Override
    public List<AlarmRule> rules() {
        return jdbc("Listing alarm rules", c -> {
            List<AlarmRule> rules = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM alarm_rule ORDER BY id")) {
                while (rs.next()) {
                    Definition d = read(rs.getString("definition"));
                    rules.add(new AlarmRule(rs.getLong("id"), rs.getString("name"), AlarmRule.Kind.valueOf(rs.getString("kind")),
                            rs.getBoolean("enabled"), d.scope(), d.metric(), d.eventPattern(), d.channels(),
                            instant(rs, "silenced_until"), instant(rs, "created_at")));
                }
            }
            return rules;
        });
    }

    @Override
    public AlarmRule saveRule(AlarmRule rule) {
        String definition = write(new Definition(rule.scope(), rule.metric(), rule.eventPattern(), rule.channels()));
        return jdbc("Saving alarm rule '" + rule.name() + "'", c -> {
            if (rule.id() == 0) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO alarm_rule (name, kind, enabled, definition, "
                        + "silenced_until, created_at) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    p.setString(1, Limits.required(rule.name(), "Alarm name", Limits.NAME));
                    p.setString(2, rule.kind().name());
                    p.setBoolean(3, rule.enabled());
                    p.setString(4, definition);
                    p.setObject(5, ts(rule.silencedUntil()));
                    p.setObject(6, ts(rule.createdAt() == null ? Instant.now() : rule.createdAt()));
                    p.executeUpdate();
                    try (ResultSet keys = p.getGeneratedKeys()) {
                        keys.next();
                        return rule.withId(keys.getLong(1));
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE alarm_rule SET name = ?, kind = ?, enabled = ?, "
                    + "definition = ?, silenced_until = ? WHERE id = ?")) {
                p.setString(1, Limits.required(rule.name(), "Alarm name", Limits.NAME));
                p.setString(2, rule.kind().name());
                p.setBoolean(3, rule.enabled());
                p.setString(4, definition);
                p.setObject(5, ts(rule.silencedUntil()));
                p.setLong(6, rule.id());
                if (p.executeUpdate() != 1) {
                    throw new StoreException("No alarm rule with id " + rule.id());
                }
            }
            return rule;
        });
    }

    @Override
    public void deleteRule(long id) {
        jdbc("Deleting alarm rule " + id, c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM alarm_state WHERE rule_id = ?")) {
                p.setLong(1, id);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM alarm_rule WHERE id = ?")) {
                p.setLong(1, id);
                return p.executeUpdate();
            }
        });
    }

    @Override
    public List<AlarmState> alarmStates() {
        return jdbc("Reading alarm states", c -> {
            List<AlarmState> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM alarm_state ORDER BY rule_id, job_id")) {
                while (rs.next()) {
                    String job = rs.getString("job_id");
                    long eventId = rs.getLong("event_id");
                    Long event = rs.wasNull() ? null : eventId;
                    String changes = rs.getString("changes").strip();
                    out.add(new AlarmState(rs.getLong("rule_id"), job.isEmpty() ? null : new JobId(job),
                            rs.getBoolean("triggered"), event, rs.getBoolean("owes_clear"), rs.getString("message"),
                            changes.isEmpty() ? List.of() : Arrays.stream(changes.split(" ")).map(Instant::parse).toList()));
                }
            }
            return out;
        });
    }

    @Override
    public void saveAlarmState(AlarmState state) {
        String changes = String.join(" ", state.changes().stream().map(Instant::toString).toList());
        jdbc("Saving the state of alarm rule " + state.ruleId(), c -> {
            try (PreparedStatement p = c.prepareStatement("MERGE INTO alarm_state (rule_id, job_id, triggered, event_id, "
                    + "owes_clear, message, changes) KEY (rule_id, job_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, state.ruleId());
                p.setString(2, state.jobId() == null ? "" : state.jobId().value());
                p.setBoolean(3, state.triggered());
                p.setObject(4, state.eventId());
                p.setBoolean(5, state.owesClear());
                p.setString(6, Limits.truncated(state.message(), Limits.MESSAGE));
                p.setString(7, Limits.truncated(changes, 1000));
                return p.executeUpdate();
            }
        });
    }

    @Override
    public void deleteAlarmStates(long ruleId) {
        jdbc("Forgetting the states of alarm rule " + ruleId, c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM alarm_state WHERE rule_id = ?")) {
                p.setLong(1, ruleId);
                return p.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Instant> eventsCheckedUntil() {
        return jdbc("Reading the alarm event position", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT events_checked_until FROM alarm_cursor WHERE id = 1")) {
                return rs.next() ? Optional.ofNullable(instant(rs, "events_checked_until")) : Optional.<Instant>empty();
            }
        });
    }

    @Override
    public void setEventsCheckedUntil(Instant at) {
        jdbc("Saving the alarm event position", c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "MERGE INTO alarm_cursor (id, events_checked_until) KEY (id) VALUES (1, ?)")) {
                p.setObject(1, ts(at));
                return p.executeUpdate();
            }
        });
    }

    @Override
    public AlarmNotification addNotification(AlarmNotification n) {
        return jdbc("Recording a notification", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO notification (rule_id, rule_name, job_id, state, at, "
                    + "message, acknowledged_at) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setLong(1, n.ruleId());
                p.setString(2, Limits.truncated(n.ruleName(), Limits.NAME));
                p.setString(3, n.jobId() == null ? null : n.jobId().value());
                p.setString(4, n.state().name());
                p.setObject(5, ts(n.at()));
                p.setString(6, Limits.truncated(n.message() == null ? "" : n.message(), Limits.MESSAGE));
                p.setObject(7, ts(n.acknowledgedAt()));
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    return new AlarmNotification(keys.getLong(1), n.ruleId(), n.ruleName(), n.jobId(), n.state(), n.at(),
                            n.message(), n.acknowledgedAt());
                }
            }
        });
    }

    @Override
    public List<AlarmNotification> notifications(int limit) {
        return jdbc("Listing notifications", c -> {
            List<AlarmNotification> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT * FROM notification ORDER BY at DESC, id DESC LIMIT ?")) {
                p.setInt(1, Math.max(0, limit));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String job = rs.getString("job_id");
                        out.add(new AlarmNotification(rs.getLong("id"), rs.getLong("rule_id"), rs.getString("rule_name"),
                                job == null ? null : new JobId(job), AlarmNotification.State.valueOf(rs.getString("state")),
                                instant(rs, "at"), rs.getString("message"), instant(rs, "acknowledged_at")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void acknowledge(long notificationId, Instant at) {
        jdbc("Acknowledging a notification", c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE notification SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL")) {
                p.setObject(1, ts(at));
                p.setLong(2, notificationId);
                return p.executeUpdate();
            }
        });
    }

    @Override
    public void addDelivery(Instant at, String channel, String target, String outcome, int attempts, String detail) {
        jdbc("Recording a delivery", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO delivery (at, channel, target, outcome, attempts, detail) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setObject(1, ts(at));
                p.setString(2, channel);
                p.setString(3, Limits.truncated(target, Limits.PATH));
                p.setString(4, outcome);
                p.setInt(5, attempts);
                p.setString(6, Limits.truncated(detail == null ? "" : detail, Limits.DESCRIPTION));
                return p.executeUpdate();
            }
        });
    }

    @Override
    public int deliveriesSince(Instant since) {
        return jdbc("Counting deliveries", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM delivery WHERE outcome = 'QUEUED' AND at >= ?")) {
                p.setObject(1, ts(since));
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** The job's tags (V3 job_tag) as "key" or "key=value". */
    @Override
    public Set<String> tags(JobId jobId) {
        return jdbc("Reading tags", c -> {
            Set<String> tags = new TreeSet<>();
            try (PreparedStatement p = c.prepareStatement("SELECT tag_key, tag_value FROM job_tag WHERE job_id = ?")) {
                p.setString(1, jobId.value());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String value = rs.getString(2);
                        tags.add(value == null || value.isEmpty() ? rs.getString(1) : rs.getString(1) + "=" + value);
                    }
                }
            }
            return tags;
        });
    }

    /** Replaces the job's tags; "key=value" sets a value, a plain "key" an empty one. */
    @Override
    public void setTags(JobId jobId, Set<String> tags) {
        jdbc("Saving tags", c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM job_tag WHERE job_id = ?")) {
                del.setString(1, jobId.value());
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO job_tag (job_id, tag_key, tag_value) VALUES (?, ?, ?)")) {
                for (String t : new TreeSet<>(tags)) {
                    int eq = t.indexOf('=');
                    ins.setString(1, jobId.value());
                    ins.setString(2, eq < 0 ? t : t.substring(0, eq));
                    ins.setString(3, eq < 0 ? "" : t.substring(eq + 1));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }

    /** Jobs carrying tag key {@code tag}, or, for "key=value", that key with that value. */
    @Override
    public List<JobId> jobsWithTag(String tag) {
        int eq = tag.indexOf('=');
        return jdbc("Listing tagged jobs", c -> {
            List<JobId> ids = new ArrayList<>();
            String sql = "SELECT job_id FROM job_tag WHERE tag_key = ?" + (eq < 0 ? "" : " AND tag_value = ?") + " ORDER BY job_id";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, eq < 0 ? tag : tag.substring(0, eq));
                if (eq >= 0) {
                    p.setString(2, tag.substring(eq + 1));
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        ids.add(new JobId(rs.getString(1)));
                    }
                }
            }
            return ids;
        });
    }

    private static String write(Definition d) {
        try {
            return JSON.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new StoreException("Alarm rule could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Definition read(String json) {
        try {
            return JSON.readValue(json, Definition.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored alarm rule is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
