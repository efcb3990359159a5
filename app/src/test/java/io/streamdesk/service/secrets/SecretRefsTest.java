package io.streamdesk.service.secrets;

import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobStatus;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.OperationFailedException;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.compare.ConfigComparison;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.testing.InMemorySecretStore;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** S2: ${secret:id} references resolved only for the submitter; missing ones refuse with key and line. */
class SecretRefsTest {
    private final InMemorySecretStore store = new InMemorySecretStore();
    private final SecretRefs refs = new SecretRefs(store);

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void referencesAreReplacedByTheirValuesAndOtherEntriesStay() {
        String id = store.put("pg", "hunter2");
        String text = "a: 1\nmetrics.reporter.promgateway.password: ${secret:" + id + "}\nb: x-${secret:" + id + "}-y\n";
        var resolved = refs.resolve(text, map("a", "1", "metrics.reporter.promgateway.password", "${secret:" + id + "}",
                "b", "x-${secret:" + id + "}-y"));
        assertThat(resolved.configuration()).containsExactly(Map.entry("a", "1"),
                Map.entry("metrics.reporter.promgateway.password", "hunter2"), Map.entry("b", "x-hunter2-y"));
        assertThat(resolved.resolvedAny()).isTrue();
        assertThat(resolved.toString()).doesNotContain("hunter2");
        assertThat(resolved.scrub("Could not parse 'hunter2' for key b")).doesNotContain("hunter2").contains("key b");
        assertThat(resolved.leaks(new RuntimeException("wrap", new IllegalStateException("bad value hunter2")))).isTrue();
        assertThat(resolved.leaks(new RuntimeException("connection refused"))).isFalse();
    }

    @Test
    void aMissingSecretRefusesNamingTheKeyAndLine() {
        String text = "# comment\npipeline.name-not: 1\nmetrics.reporter.promgateway.password: ${secret:sec-gone}\n";
        assertThatThrownBy(() -> refs.resolve(text, map("pipeline.name-not", "1",
                "metrics.reporter.promgateway.password", "${secret:sec-gone}")))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("'metrics.reporter.promgateway.password'")
                .hasMessageContaining("line 3")
                .hasMessageContaining("sec-gone");
    }

    @Test
    void aMalformedReferenceIsRefused() {
        assertThatThrownBy(() -> refs.resolve("k: ${secret:no end\n", map("k", "${secret:no end")))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("'k' (parameters line 1)")
                .hasMessageContaining("malformed");
    }

    @Test
    void valuesWithoutReferencesAreUntouchedAndIdsRoundTrip() {
        var resolved = refs.resolve("", map("x", "$ {not}", "y", "${other:1}"));
        assertThat(resolved.configuration()).containsEntry("x", "$ {not}").containsEntry("y", "${other:1}");
        assertThat(resolved.resolvedAny()).isFalse();
        assertThat(SecretRefs.idOf(SecretRefs.reference("sec-12ab"))).contains("sec-12ab");
        assertThat(SecretRefs.idOf("plain")).isEmpty();
        assertThatThrownBy(() -> SecretRefs.reference("a b")).isInstanceOf(InputRejectedException.class);
    }

    @Test
    void aRunResolvesForTheSubmitOnlyAndAMissingSecretRefusesBeforeSubmitting() {
        FakeServices services = new FakeServices();
        services.clusters().startAll();
        var job = services.jobs().createSqlJob("orders", "/");
        String id = services.secretStore.put("pg", "s3cret-value");
        String params = JobConfig.DEFAULT_PARAMETERS + "metrics.reporter.promgateway.username: flink\n"
                + "metrics.reporter.promgateway.password: ${secret:" + id + "}\n";
        services.jobs().saveDraft(job.id(), "INSERT INTO a SELECT * FROM src", JobConfig.defaults().withParameters(params));
        int v1 = services.jobs().publish(job.id(), "with reporter").number();
        services.runs().run(job.id(), v1, RestoreChoice.fresh(), false);
        assertThat(services.submitter.configurations()).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("metrics.reporter.promgateway.password", "s3cret-value"));
        // the frozen version, the events and the comparison hold only the reference
        assertThat(services.jobs().version(job.id(), v1).config().parameters()).doesNotContain("s3cret-value");
        assertThat(services.eventStore.listAll(100)).isNotEmpty().allSatisfy(e -> assertThat(e.toString()).doesNotContain("s3cret-value"));
        services.runs().stop(job.id(), false);

        services.secretStore.delete(id);
        services.jobs().saveDraft(job.id(), "INSERT INTO a SELECT * FROM src",
                JobConfig.defaults().withParameters(params.replace("flink", "other")));
        int v2 = services.jobs().publish(job.id(), "changed").number();
        var changes = ConfigComparison.of(services.jobs().version(job.id(), v1).config().entries(),
                services.jobs().version(job.id(), v2).config().entries());
        assertThat(changes.toString()).doesNotContain("s3cret-value");
        assertThatThrownBy(() -> services.runs().run(job.id(), v2, RestoreChoice.fresh(), false))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("metrics.reporter.promgateway.password")
                .hasMessageContaining("line " + (params.lines().count()));
        assertThat(services.submitter.configurations()).hasSize(1);
        assertThat(services.jobs().job(job.id()).status()).isEqualTo(JobStatus.STOPPED);
    }

    @Test
    void theAuthorityAndPathOfASecretUriAreMaskedWhenFlinkQuotesThemAlone() {
        String id = store.put("path", "file://secret-host-4711/tmp/out");
        var resolved = refs.resolve("p: ${secret:" + id + "}\n", map("p", "${secret:" + id + "}"));
        String flink = "Found local file path with authority 'secret-host-4711' in path 'file://secret-host-4711/tmp/out'."
                + " (correct path would be 'file:///secret-host-4711/tmp/out')";
        assertThat(resolved.scrub(flink)).doesNotContain("secret-host-4711").doesNotContain("/tmp/out")
                .startsWith("Found local file path with authority");
        assertThat(resolved.leaks(new IllegalStateException("authority 'secret-host-4711'"))).isTrue();
    }

    @Test
    void aSubmitErrorQuotingTheSecretIsMasked() {
        FakeServices services = new FakeServices();
        services.clusters().startAll();
        var job = services.jobs().createSqlJob("orders", "/");
        String id = services.secretStore.put("pg", "s3cret-value");
        services.jobs().saveDraft(job.id(), "INSERT INTO a SELECT * FROM src", JobConfig.defaults()
                .withParameters("some.password: ${secret:" + id + "}\n"));
        int v = services.jobs().publish(job.id(), "v").number();
        services.submitter.failNextSubmit("Could not parse value 's3cret-value' for key 'some.password'");
        assertThatThrownBy(() -> services.runs().run(job.id(), v, RestoreChoice.fresh(), false))
                .isInstanceOf(OperationFailedException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("s3cret-value").contains("some.password");
                    assertThat(e.getCause()).isNull();
                });
        assertThat(services.jobs().job(job.id()).warning().toString()).doesNotContain("s3cret-value");
        assertThat(services.eventStore.listAll(100)).isNotEmpty().allSatisfy(e -> assertThat(e.toString()).doesNotContain("s3cret-value"));
    }

    @Test
    void secretVariablesAreResolvedForTheCatalogAndScrubbedFromMessages() {
        String id = store.put("pg password", "s3cret-pg");
        var resolved = refs.resolve("INSERT INTO t SELECT 1", "", Map.of(),
                map("pg_password", SecretRefs.reference(id), "rate", "10"));
        assertThat(resolved.variables()).containsEntry("pg_password", "s3cret-pg").containsEntry("rate", "10");
        assertThat(resolved.sql()).isEqualTo("INSERT INTO t SELECT 1");
        assertThat(resolved.scrub("password authentication failed: s3cret-pg")).doesNotContain("s3cret-pg");
        assertThat(resolved.toString()).doesNotContain("s3cret-pg");

        assertThatThrownBy(() -> refs.resolve("", "", Map.of(), map("pg_password", "${secret:sec-gone}")))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("Variable 'pg_password'");
    }
}
