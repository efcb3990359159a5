package io.streamdesk.store;

import io.streamdesk.model.Job;
import io.streamdesk.model.variable.FrozenVariable;
import io.streamdesk.model.variable.Variable;
import io.streamdesk.service.port.StoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Variables and frozen values on a real H2 file (V15): round trips, upsert by name, no secret value in any column. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcVariableStoreTest {
    @TempDir
    static Path dir;
    Database db;
    JdbcVariableStore store;

    @BeforeAll
    void open() {
        db = Database.open(dir.resolve("db"));
        store = new JdbcVariableStore(db.dataSource());
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void variablesRoundTripAndSaveReplacesByName() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        store.save(new Variable("rate", "5", null, "rows per second", at));
        store.save(new Variable("db_password", null, "sec-1a2b3c4d", "", at));
        store.save(new Variable("rate", "7", null, "faster", at.plusSeconds(1)));
        assertThat(store.list()).extracting(Variable::name).containsExactly("db_password", "rate");
        Variable rate = store.find("rate").orElseThrow();
        assertThat(rate.value()).isEqualTo("7");
        assertThat(rate.description()).isEqualTo("faster");
        assertThat(rate.updatedAt()).isEqualTo(at.plusSeconds(1));
        assertThat(store.find("db_password").orElseThrow().secret()).isTrue();
        assertThat(store.delete("rate")).isTrue();
        assertThat(store.delete("rate")).isFalse();
        assertThat(store.find("rate")).isEmpty();
    }

    @Test
    void aValueLongerThanTheLimitIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> store.save(new Variable("big", "x".repeat(4097), null, "", Instant.now())))
                .isInstanceOf(StoreException.class).hasMessageContaining("at most 4096");
        assertThat(store.find("big")).isEmpty();
    }

    @Test
    void frozenValuesPerVersionAndSecretsOnlyAsIds() throws Exception {
        Job job = new HibernateJobStore(db).create(TestJobs.newJob("freezer"));
        store.freeze(job.id(), 1, List.of(new FrozenVariable("rate", "5", null),
                new FrozenVariable("pw", null, "sec-00aa11bb")));
        store.freeze(job.id(), 2, List.of(new FrozenVariable("rate", "9", null)));
        assertThat(store.frozen(job.id(), 1)).containsExactly(new FrozenVariable("pw", null, "sec-00aa11bb"),
                new FrozenVariable("rate", "5", null));
        assertThat(store.frozen(job.id(), 2)).containsExactly(new FrozenVariable("rate", "9", null));
        assertThat(store.frozen(job.id(), 3)).isEmpty();
        assertThat(store.secretFrozen("sec-00aa11bb")).isTrue();
        assertThat(store.secretFrozen("sec-ffffffff")).isFalse();
        assertThatThrownBy(() -> store.freeze(job.id(), 1, List.of(new FrozenVariable("rate", "6", null))))
                .isInstanceOf(StoreException.class);
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select var_value, secret_id from job_version_variable"
                     + " where name = 'pw'")) {
            rs.next();
            assertThat(rs.getString(1)).isNull();
            assertThat(rs.getString(2)).isEqualTo("sec-00aa11bb");
        }
    }
}
