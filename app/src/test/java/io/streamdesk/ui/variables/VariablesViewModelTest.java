package io.streamdesk.ui.variables;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.variable.Variable;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import io.streamdesk.ui.task.UiContext;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The Variables pane's view models without a toolkit: validation as typed, secrets never read back, the preview. */
class VariablesViewModelTest {
    private final FakeServices services = new FakeServices();
    private final UiContext ctx = TestContexts.synchronous(new ManualScheduler());
    private final VariablesViewModel vm = new VariablesViewModel(services::variables, ctx);

    @Test
    void theFormNamesTheRuleAndSavesOnlyWhenValid() {
        VariableEditorViewModel form = vm.adding();
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.problemProperty().get()).isEqualTo("A variable needs a name.");
        form.nameProperty().set("kafka-servers");
        assertThat(form.problemProperty().get()).contains("letters, digits and '_'");
        form.nameProperty().set("kafka_servers");
        form.valueProperty().set("a\nb");
        assertThat(form.problemProperty().get()).contains("line break");
        form.valueProperty().set("broker:9092");
        assertThat(form.validProperty().get()).isTrue();
        AtomicReference<Variable> saved = new AtomicReference<>();
        form.save(saved::set);
        assertThat(saved.get().name()).isEqualTo("kafka_servers");
        vm.saved(saved.get(), true);
        assertThat(vm.rows()).extracting(Variable::name).containsExactly("kafka_servers");
        assertThat(vm.messageProperty().get()).isEqualTo("Added kafka_servers.");

        // the same name again: the service's refusal shows, nothing changes
        VariableEditorViewModel again = vm.adding();
        again.nameProperty().set("kafka_servers");
        again.valueProperty().set("other:9092");
        again.save(v -> { throw new AssertionError("saved"); });
        assertThat(again.serviceErrorProperty().get()).contains("exists");
        assertThat(services.variables().find("kafka_servers").orElseThrow().value()).isEqualTo("broker:9092");
    }

    @Test
    void aSecretIsNeverReadBackAndAnEmptyValueKeepsIt() {
        Variable pw = services.variables().add("pg_password", "hunter2", true, "");
        vm.refresh();
        assertThat(vm.rows()).singleElement().satisfies(v -> assertThat(v.shownValue()).isEqualTo("••••••"));
        VariableEditorViewModel edit = vm.editing(vm.rows().get(0));
        assertThat(edit.valueProperty().get()).isEmpty();
        assertThat(edit.valuePrompt()).contains("kept in the secret store");
        assertThat(edit.validProperty().get()).isTrue();
        edit.descriptionProperty().set("the shop database");
        edit.save(v -> { });
        Variable kept = services.variables().find("pg_password").orElseThrow();
        assertThat(kept.secretId()).isEqualTo(pw.secretId());
        assertThat(kept.description()).isEqualTo("the shop database");
        // no longer secret: a value is needed
        VariableEditorViewModel plain = vm.editing(kept);
        plain.secretProperty().set(false);
        assertThat(plain.validProperty().get()).isTrue(); // an empty plain value is a value
        vm.delete("pg_password");
        assertThat(vm.rows()).isEmpty();
        assertThat(services.secretStore.get(pw.secretId())).isEmpty();
    }

    @Test
    void thePreviewShowsTheSubstitutedSqlAndTheProblems() {
        services.variables().add("rate", "5", false, "");
        services.variables().add("pw", "hunter2", true, "");
        String sql = "WITH ('rows-per-second' = '${rate}', 'password' = '${pw}');\nSELECT ${nope};";
        ReplaceVariablesViewModel preview = new ReplaceVariablesViewModel("the draft",
                () -> services.variables().preview(sql), ctx);
        preview.load();
        assertThat(preview.sqlProperty().get()).isEqualTo("WITH ('rows-per-second' = '5', 'password' = '••••••');\n"
                + "SELECT ${nope};");
        assertThat(preview.problemsProperty().get()).startsWith("2:8: Unknown variable 'nope'");
        assertThat(preview.okProperty().get()).isFalse();
        assertThat(preview.summaryProperty().get()).contains("uses nope, pw, rate").contains("1 problem");
    }
}
