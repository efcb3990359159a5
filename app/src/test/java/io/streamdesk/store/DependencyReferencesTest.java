package io.streamdesk.store;

import io.streamdesk.model.Draft;
import io.streamdesk.model.Job;
import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobVersion;
import io.streamdesk.model.dependency.DependencyKind;
import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.model.dependency.DependencyUse;
import io.streamdesk.service.port.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drafts and published versions keep their dependency references on a real H2 file (V13): a version's are frozen at
 * publish (V1), a referenced version cannot be removed and the refusal names the job, releasing it frees it.
 */
class DependencyReferencesTest {
    private static final String SHA_1 = "1".repeat(64);
    private static final String SHA_2 = "2".repeat(64);
    private static final String SHA_C = "c".repeat(64);

    @TempDir
    Path dir;
    Database db;
    HibernateJobStore jobs;
    HibernateVersionStore versions;
    JdbcDependencyStore deps;

    @BeforeEach
    void open() {
        reopen();
        Instant now = Instant.now();
        deps.add("kafka.jar", DependencyKind.JAR, "", SHA_1, 1, now, 20);
        deps.add("kafka.jar", DependencyKind.JAR, "", SHA_2, 1, now, 20);
        deps.add("app.conf", DependencyKind.CONFIG_FILE, "", SHA_C, 1, now, 20);
    }

    private void reopen() {
        if (db != null) {
            db.close();
        }
        db = Database.open(dir.resolve("db"));
        jobs = new HibernateJobStore(db);
        versions = new HibernateVersionStore(db);
        deps = new JdbcDependencyStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aVersionFreezesTheDraftsReferencesAndLaterDraftChangesDoNotTouchIt() {
        Job job = jobs.create(TestJobs.newJob("orders"));
        List<DependencyRef> refs = List.of(new DependencyRef("kafka.jar", 1, SHA_1), new DependencyRef("app.conf", 1, SHA_C));
        JobConfig config = JobConfig.defaults().withDependencies(refs);
        jobs.saveDraft(job.id(), "SELECT 1", config);
        versions.publish(job.id(), "SELECT 1", config, "with kafka 1", "me");
        jobs.saveDraft(job.id(), null, config.withDependencies(List.of(new DependencyRef("kafka.jar", 2, SHA_2))));
        Draft sqlOnly = jobs.saveDraft(job.id(), "SELECT 2");

        reopen();
        assertThat(sqlOnly.config().dependencies()).containsExactly(new DependencyRef("kafka.jar", 2, SHA_2));
        assertThat(jobs.findDraft(job.id()).orElseThrow().config().dependencies())
                .containsExactly(new DependencyRef("kafka.jar", 2, SHA_2));
        JobVersion v1 = versions.find(job.id(), 1).orElseThrow();
        assertThat(v1.config().dependencies()).containsExactlyElementsOf(refs);
        assertThat(versions.list(job.id()).get(0).config().dependencies()).containsExactlyElementsOf(refs);
        assertThat(v1.config().entries()).containsEntry("dependencies.kafka.jar", "v1 sha256 " + SHA_1);
    }

    @Test
    void aReferencedVersionIsNotRemovedAndTheRefusalNamesTheJobAndVersion() {
        Job job = jobs.create(TestJobs.newJob("orders"));
        JobConfig config = JobConfig.defaults().withDependencies(List.of(new DependencyRef("kafka.jar", 1, SHA_1)));
        jobs.saveDraft(job.id(), "SELECT 1", config);
        versions.publish(job.id(), "SELECT 1", config, "v1", "me");

        List<DependencyUse> uses = deps.removeVersion("kafka.jar", 1);
        assertThat(uses).extracting(DependencyUse::describe).containsExactly(
                "the draft of job 'orders' (" + job.id().value() + ")",
                "job 'orders' (" + job.id().value() + ") version 1");
        assertThat(deps.version("kafka.jar", 1)).isPresent();
        assertThat(deps.remove("kafka.jar")).hasSize(2);
        assertThat(deps.removeVersion("kafka.jar", 2)).isEmpty(); // nothing references version 2
        assertThat(deps.references("kafka.jar")).hasSize(2);

        jobs.saveDraft(job.id(), null, config.withDependencies(List.of()));
        assertThat(deps.removeVersion("kafka.jar", 1)).extracting(DependencyUse::jobVersion).containsExactly(1);
        versions.delete(job.id(), 1);
        assertThat(deps.removeVersion("kafka.jar", 1)).isEmpty();
        assertThat(deps.find("kafka.jar")).isEmpty();
    }

    @Test
    void theDatabaseRefusesAReferenceToAVersionThatDoesNotExist() {
        Job job = jobs.create(TestJobs.newJob("orders"));
        JobConfig config = JobConfig.defaults().withDependencies(List.of(new DependencyRef("nope.jar", 1, SHA_1)));
        assertThatThrownBy(() -> jobs.saveDraft(job.id(), "SELECT 1", config)).isInstanceOf(StoreException.class);
        assertThat(jobs.findDraft(job.id())).isEmpty();
    }

    @Test
    void aCopyKeepsTheDraftsReferences() {
        Job job = jobs.create(TestJobs.newJob("orders"));
        JobConfig config = JobConfig.defaults().withDependencies(List.of(new DependencyRef("app.conf", 1, SHA_C)));
        Job copy = jobs.createCopy(TestJobs.newJob("orders copy"), "SELECT 1", config, Map.of(), Map.of());
        assertThat(jobs.findDraft(copy.id()).orElseThrow().config().dependencies())
                .containsExactly(new DependencyRef("app.conf", 1, SHA_C));
        assertThat(deps.references("app.conf")).extracting(DependencyUse::jobName).containsExactly("orders copy");
        assertThat(job.id()).isNotEqualTo(copy.id());
    }
}
