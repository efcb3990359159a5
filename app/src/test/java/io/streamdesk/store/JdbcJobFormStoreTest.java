package io.streamdesk.store;

import io.streamdesk.model.Job;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.jobtype.EtlSpec;
import io.streamdesk.model.jobtype.JarJobSpec;
import io.streamdesk.service.port.StoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JAR and ETL forms (J1, V17) on a real H2 file: drafts replace in place, versions freeze once, per version. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcJobFormStoreTest {
    @TempDir
    static Path dir;
    Database db;
    JdbcJobFormStore store;
    HibernateJobStore jobs;
    HibernateVersionStore versions;

    @BeforeAll
    void open() {
        db = Database.open(dir.resolve("db"));
        store = new JdbcJobFormStore(db.dataSource(), Clock.systemUTC());
        jobs = new HibernateJobStore(db);
        versions = new HibernateVersionStore(db);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void aJarFormIsSavedReplacedAndFrozenPerVersion() {
        Job job = jobs.create(TestJobs.newJob("jar-form"));
        assertThat(store.jarDraft(job.id())).isEmpty();
        JarJobSpec first = new JarJobSpec(new DependencyRef("job.jar", 1, "ab".repeat(32)), "demo.Main", "--rate 5", 2);
        store.saveJarDraft(job.id(), first);
        JarJobSpec second = new JarJobSpec(new DependencyRef("job.jar", 2, "cd".repeat(32)), "demo.Main",
                "--rate 9 'two words'", 4);
        store.saveJarDraft(job.id(), second);
        assertThat(store.jarDraft(job.id())).contains(second);

        int v1 = versions.publish(job.id(), "", "v1", "tester").number();
        store.freezeJar(job.id(), v1, second);
        assertThat(store.jarVersion(job.id(), v1)).contains(second);
        assertThat(store.jarVersion(job.id(), v1 + 1)).isEmpty();
        assertThatThrownBy(() -> store.freezeJar(job.id(), v1, first)).isInstanceOf(StoreException.class);
        assertThat(store.jarVersion(job.id(), v1)).contains(second);
    }

    @Test
    void anEtlFormKeepsItsMappingsInOrderAndAVersionNeedsSourceAndSink() {
        Job job = jobs.create(TestJobs.newJob("etl-form"));
        EtlSpec spec = new EtlSpec(new EtlSpec.TableRef("_dc", "_db", "orders"),
                new EtlSpec.TableRef("_dc", "_db", "order_totals"),
                List.of(new EtlSpec.FieldMapping("customer_id", "customer_id"),
                        new EtlSpec.FieldMapping("total", "amount * 1.2")), "amount > 0");
        store.saveEtlDraft(job.id(), spec);
        assertThat(store.etlDraft(job.id())).contains(spec);

        int v1 = versions.publish(job.id(), "", "v1", "tester").number();
        assertThatThrownBy(() -> store.freezeEtl(job.id(), v1, EtlSpec.empty())).isInstanceOf(StoreException.class)
                .hasMessageContaining("source and sink");
        store.freezeEtl(job.id(), v1, spec);
        assertThat(store.etlVersion(job.id(), v1)).contains(spec);
    }
}
