package io.streamdesk.service.secrets;

import io.streamdesk.model.JobId;
import io.streamdesk.model.SqlProblem;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.OperationFailedException;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.service.compare.CompareOptions;
import io.streamdesk.service.compare.CompareService;
import io.streamdesk.service.compare.VersionComparison;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S2 for ${secret:id} in the SQL, through the services: the draft and the version keep the reference, the submitter
 * alone gets the value, a missing secret refuses the check, the publish and the run at its line and column, a submit
 * error that quotes the value is masked, and a comparison shows references, never values.
 */
class SqlSecretsOnRunTest {
    private static final String VALUE = "pa'ss-4711";

    private final FakeServices services = new FakeServices();

    private static String sql(String passwordLiteral) {
        return "CREATE TABLE src (v BIGINT) WITH ('connector' = 'datagen');\n"
                + "CREATE TABLE snk (v BIGINT) WITH ('connector' = 'jdbc', 'password' = '" + passwordLiteral + "');\n"
                + "INSERT INTO snk SELECT v FROM src;\n";
    }

    @Test
    void theSubmitterAloneGetsTheValueQuotedAsSqlNeeds() {
        services.clusters().startAll();
        JobId job = services.jobs().createSqlJob("orders", "/").id();
        String reference = services.jobs().sqlSecrets().storeAsSecret(job, "password", VALUE.replace("'", "''"));
        assertThat(services.secretStore.values).containsValue(VALUE);
        String withRef = sql(reference);

        services.jobs().saveDraft(job, withRef);
        assertThat(services.jobs().check(withRef)).isEmpty();
        int v1 = services.jobs().publish(job, "with a secret").number();
        services.runs().run(job, v1, RestoreChoice.fresh(), false);

        assertThat(services.submitter.scripts()).singleElement().isEqualTo(sql("pa''ss-4711"));
        assertThat(services.jobs().draft(job).orElseThrow().sql()).isEqualTo(withRef);
        assertThat(services.jobs().version(job, v1).sql()).isEqualTo(withRef).doesNotContain("4711");
        assertThat(services.eventStore.listAll(100)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.toString()).doesNotContain("4711"));
    }

    @Test
    void aMissingSecretRefusesCheckPublishAndRunAtItsLineAndColumn() {
        services.clusters().startAll();
        JobId job = services.jobs().createSqlJob("orders", "/").id();
        String id = services.secretStore.put("pg", VALUE);
        String withRef = sql("${secret:" + id + "}");
        services.jobs().saveDraft(job, withRef);
        int v1 = services.jobs().publish(job, "v1").number();

        services.secretStore.delete(id);
        int column = withRef.lines().toList().get(1).indexOf("${secret:") + 1;
        assertThat(services.jobs().check(withRef)).extracting(SqlProblem::line, SqlProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, column));
        assertThatThrownBy(() -> services.jobs().publish(job, "v2")).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("line 2, column " + column).hasMessageContaining(id);
        assertThatThrownBy(() -> services.runs().run(job, v1, RestoreChoice.fresh(), false))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("SQL line 2, column " + column).hasMessageContaining(id);
        assertThat(services.submitter.scripts()).isEmpty();
    }

    @Test
    void aSubmitErrorQuotingTheValueIsMasked() {
        services.clusters().startAll();
        JobId job = services.jobs().createSqlJob("orders", "/").id();
        String reference = services.jobs().sqlSecrets().storeAsSecret(job, "password", "hunter2");
        services.jobs().saveDraft(job, sql(reference));
        int v1 = services.jobs().publish(job, "v1").number();
        services.submitter.failNextSubmit("Unable to create a sink. Table options are: 'password'='hunter2'");
        assertThatThrownBy(() -> services.runs().run(job, v1, RestoreChoice.fresh(), false))
                .isInstanceOf(OperationFailedException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("hunter2").contains("'password'='••••••'");
                    assertThat(e.getCause()).isNull();
                });
        assertThat(services.jobs().job(job).warning().toString()).doesNotContain("hunter2");
    }

    @Test
    void aComparisonShowsTheReferenceAndMasksAPlainPassword() {
        JobId job = services.jobs().createSqlJob("orders", "/").id();
        services.jobs().saveDraft(job, sql("hunter2"));
        int v1 = services.jobs().publish(job, "plain").number();
        String reference = services.jobs().sqlSecrets().storeAsSecret(job, "password", "hunter2");
        services.jobs().saveDraft(job, sql(reference));
        int v2 = services.jobs().publish(job, "as a secret").number();

        VersionComparison c = new CompareService(services.jobs()).compareVersions(job, v1, v2, CompareOptions.defaults());
        String rows = c.sql().rows().toString();
        assertThat(rows).doesNotContain("hunter2").contains("'password' = '••••••'").contains(reference);
        assertThat(c.sql().changedLines()).isEqualTo(1);
    }

    @Test
    void aSecretVariableReachesTheCatalogTablesResolvedAndTheVersionKeepsItsReference() {
        services.clusters().startAll();
        services.variables().add("pg_password", VALUE, true, "PostgreSQL");
        JobId job = services.jobs().createSqlJob("orders", "/").id();
        services.jobs().saveDraft(job, sql("${pg_password}"));
        int v1 = services.jobs().publish(job, "v1").number();
        services.runs().run(job, v1, RestoreChoice.fresh(), false);

        // the catalog's table options are filled from the context's variables: they carry the value, for the submit only
        assertThat(services.submitter.contexts()).last()
                .satisfies(c -> assertThat(c.variables()).containsEntry("pg_password", VALUE));
        assertThat(services.variables().frozenValues(job, v1).get("pg_password")).startsWith("${secret:")
                .doesNotContain("4711");
    }
}
