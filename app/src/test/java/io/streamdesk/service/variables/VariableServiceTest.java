package io.streamdesk.service.variables;

import io.streamdesk.model.Job;
import io.streamdesk.model.variable.FrozenVariable;
import io.streamdesk.model.variable.Variable;
import io.streamdesk.service.InputRejectedException;
import io.streamdesk.service.OperationFailedException;
import io.streamdesk.service.RestoreChoice;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Global variables over the real service graph (in-memory stores, fake cluster): validation, secrets, freezing. */
class VariableServiceTest {
    private static final String SQL = "CREATE TABLE src (a INT) WITH ('connector' = 'datagen', "
            + "'rows-per-second' = '${rate}', 'password' = '${pw}:none');\nINSERT INTO snk SELECT a FROM src;";

    private final FakeServices services = new FakeServices();
    private final VariableService variables = services.variables();
    private Job job;

    @BeforeEach
    void setUp() {
        services.clusters().startAll();
        job = services.jobs().createSqlJob("vars", "/etl");
    }

    @Test
    void validationSaysWhatIsWrong() {
        assertThatThrownBy(() -> variables.add("rate-x", "1", false, "")).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("letters, digits and '_'");
        assertThatThrownBy(() -> variables.add("1rate", "1", false, "")).hasMessageContaining("starting with a letter");
        assertThatThrownBy(() -> variables.add("r".repeat(65), "1", false, "")).hasMessageContaining("at most 64");
        assertThatThrownBy(() -> variables.add("secret", "1", false, "")).hasMessageContaining("secret reference");
        assertThatThrownBy(() -> variables.add("rate", "a\nb", false, "")).hasMessageContaining("line break");
        assertThatThrownBy(() -> variables.add("rate", "${other}", false, "")).hasMessageContaining("'${'");
        assertThatThrownBy(() -> variables.add("rate", "x".repeat(4097), false, "")).hasMessageContaining("4096");
        assertThatThrownBy(() -> variables.add("pw", "", true, "")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> variables.add("rate", "1", false, "d".repeat(1001))).hasMessageContaining("1000");
        variables.add(" rate ", "1", false, "rows per second");
        assertThatThrownBy(() -> variables.add("rate", "2", false, "")).hasMessageContaining("exists");
        assertThat(variables.list()).extracting(Variable::name).containsExactly("rate");
    }

    @Test
    void secretValuesLiveInTheSecretStoreAndAreShownMasked() {
        Variable pw = variables.add("pw", "s3cr'et", true, "database password");
        assertThat(pw.value()).isNull();
        assertThat(pw.shownValue()).isEqualTo("••••••");
        assertThat(services.secretStore.get(pw.secretId())).contains("s3cr'et");
        assertThat(pw.toString()).doesNotContain("s3cr");
        assertThat(variables.currentValues()).containsEntry("pw", "${secret:" + pw.secretId() + "}");
        // an edit without a value keeps the secret; a new value is a new secret, the unused old one is deleted
        assertThat(variables.edit("pw", "", true, "changed").secretId()).isEqualTo(pw.secretId());
        Variable next = variables.edit("pw", "other", true, "changed");
        assertThat(next.secretId()).isNotEqualTo(pw.secretId());
        assertThat(services.secretStore.get(pw.secretId())).isEmpty();
        variables.delete("pw");
        assertThat(services.secretStore.get(next.secretId())).isEmpty();
    }

    @Test
    void aVersionRunsWithTheValuesItFrozeAtPublish() {
        variables.add("rate", "5", false, "");
        Variable pw = variables.add("pw", "old-pass", true, "");
        services.jobs().saveDraft(job.id(), SQL);
        services.jobs().publish(job.id(), "v1");
        assertThat(variables.frozen(services.jobs().version(job.id(), 1)))
                .containsExactly(new FrozenVariable("pw", null, pw.secretId()), new FrozenVariable("rate", "5", null));

        // changed after publish: v1 keeps what it froze, its secret is kept for it
        variables.edit("rate", "9", false, "");
        variables.edit("pw", "new-pass", true, "");
        assertThat(services.secretStore.get(pw.secretId())).contains("old-pass");
        services.runs().run(job.id(), 1, RestoreChoice.fresh());
        String ran = services.submitter.scripts().get(0);
        assertThat(ran).contains("'rows-per-second' = '5'").contains("'password' = 'old-pass'");
        // the script has nothing left to substitute; the context keeps the frozen values for the catalog's tables
        assertThat(services.submitter.contexts().get(0).variables()).containsEntry("rate", "5");
        services.runs().stop(job.id(), false);

        // a new version freezes the new values
        services.jobs().publish(job.id(), "v2");
        services.runs().run(job.id(), 2, RestoreChoice.fresh());
        assertThat(services.submitter.scripts().get(1)).contains("'rows-per-second' = '9'")
                .contains("'password' = 'new-pass'");
        services.runs().stop(job.id(), false);

        // deleted: the versions still run with what they froze
        variables.delete("rate");
        services.runs().run(job.id(), 1, RestoreChoice.fresh());
        assertThat(services.submitter.scripts().get(2)).contains("'rows-per-second' = '5'");
    }

    @Test
    void aVersionFreezesTheVariablesOfTheCatalogTablesToo() {
        services.metadata().createTable("_dc", "_db", "CREATE TABLE cat_src (a INT) WITH ('connector' = 'datagen', "
                + "'rows-per-second' = '${cat_rate}')");
        variables.add("cat_rate", "3", false, "");
        variables.add("unused", "x", false, "");
        services.jobs().saveDraft(job.id(), "INSERT INTO snk SELECT a FROM _dc._db.cat_src;");
        services.jobs().publish(job.id(), "v1");
        variables.edit("cat_rate", "4", false, "");
        assertThat(variables.frozenValues(services.jobs().version(job.id(), 1))).containsOnly(Map.entry("cat_rate", "3"));
        services.runs().run(job.id(), 1, RestoreChoice.fresh());
        assertThat(services.submitter.contexts().get(0).variables()).containsOnly(Map.entry("cat_rate", "3"));
    }

    @Test
    void aVersionThatFrozeNothingForAVariableUsesItsDefaultOrIsRefused() {
        services.jobs().saveDraft(job.id(), "INSERT INTO snk SELECT * FROM t WHERE x > ${low}:3;");
        services.jobs().publish(job.id(), "v1");
        variables.add("low", "10", false, ""); // created after v1: v1 froze nothing, so it keeps its default
        services.runs().run(job.id(), 1, RestoreChoice.fresh());
        assertThat(services.submitter.scripts().get(0)).contains("x > 3;");
    }

    @Test
    void theCheckOfADraftReportsAnUnknownVariableAtItsLineAndColumn() {
        assertThat(services.jobs().check(job.id(), "SELECT 1;\nINSERT INTO snk SELECT ${nope};"))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.column()).isEqualTo(24);
                    assertThat(p.message()).contains("'nope'");
                });
        services.jobs().saveDraft(job.id(), "INSERT INTO snk SELECT ${nope};");
        assertThatThrownBy(() -> services.jobs().publish(job.id(), "v1")).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void thePreviewMasksSecretsAndShowsProblems() {
        variables.add("rate", "5", false, "");
        variables.add("pw", "hunter2", true, "");
        VariableService.Preview preview = variables.preview(SQL + "\nINSERT INTO snk SELECT ${missing};");
        assertThat(preview.sql()).contains("'rows-per-second' = '5'").contains("'password' = '••••••'")
                .doesNotContain("hunter2").doesNotContain("${secret:");
        assertThat(preview.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("'missing'");
        });
        assertThat(preview.used()).containsExactlyInAnyOrder("rate", "pw", "missing");
        // a version's preview uses what it froze
        services.jobs().saveDraft(job.id(), SQL);
        services.jobs().publish(job.id(), "v1");
        variables.edit("rate", "6", false, "");
        assertThat(variables.preview(services.jobs().version(job.id(), 1)).sql()).contains("'5'");
        assertThat(VariableService.preview("SELECT ${pw}", Map.of("pw", "${secret:sec-1}")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("is a secret"));
    }

    @Test
    void aRunRefusesAReferenceItCannotResolve() {
        // a version that froze nothing for a variable without a default (published before V15): refused, named
        services.versionStore.publish(job.id(), "INSERT INTO snk SELECT ${gone};", io.streamdesk.model.JobConfig.defaults(),
                "before variables", "tester");
        assertThatThrownBy(() -> services.runs().run(job.id(), 1, RestoreChoice.fresh()))
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("line 1, column 24").hasMessageContaining("'gone'");
        assertThat(services.submitter.scripts()).isEmpty();
    }
}
