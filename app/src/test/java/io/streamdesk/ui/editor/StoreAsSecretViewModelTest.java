package io.streamdesk.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.Job;
import io.streamdesk.testing.FakeServices;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hint and the action of "Store as secret", over the real JobService and an in-memory secret store. */
class StoreAsSecretViewModelTest {
    private static final String SQL = "CREATE TABLE snk (id BIGINT) WITH (\n  'connector' = 'jdbc',\n"
            + "  'password' = 'it''s-secret'\n);\n";

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeServices services = new FakeServices();
    private StoreAsSecretViewModel vm;
    private String text = SQL;

    @BeforeEach
    void setUp() {
        Job job = services.jobs().createSqlJob("j", "/");
        vm = new StoreAsSecretViewModel(job.id(), services.jobs(), TestContexts.synchronous(scheduler));
    }

    @Test
    void theHintAppearsOnlyAfterTypingPauses() {
        vm.textChanged(() -> text);
        assertThat(vm.hintProperty().get()).isEmpty();
        scheduler.advance(StoreAsSecretViewModel.SCAN_QUIET);
        assertThat(vm.hintProperty().get()).isEqualTo("'password' on line 3 is written in plain text.");
    }

    @Test
    void storingPutsTheValueInTheStoreAndReplacesItWithTheReference() {
        List<EditorCommands.Edit> edits = new ArrayList<>();
        var option = vm.target(text, 0).orElseThrow();
        vm.store(option, () -> text, edit -> {
            edits.add(edit);
            text = text.substring(0, edit.start()) + edit.text() + text.substring(edit.end());
        });
        assertThat(services.secretStore.values).containsValue("it's-secret"); // as Flink reads the literal
        String id = services.secretStore.values.keySet().iterator().next();
        assertThat(edits).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo("${secret:" + id + "}"));
        assertThat(text).contains("'password' = '${secret:" + id + "}'").doesNotContain("it''s-secret");
        assertThat(vm.hintProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("${secret:" + id + "}").contains("Undo");
    }

    @Test
    void aValueEditedWhileStoringIsNotOverwritten() {
        List<EditorCommands.Edit> edits = new ArrayList<>();
        var option = vm.target(text, 0).orElseThrow();
        vm.store(option, () -> SQL.replace("it''s-secret", "typed-meanwhile"), edits::add);
        assertThat(edits).isEmpty();
        assertThat(vm.statusProperty().get()).contains("text changed");
    }

    @Test
    void theContextActionIsOfferedOnlyOnALineWithAPlainValue() {
        assertThat(vm.canStoreAt(SQL, SQL.indexOf("it''s"))).isTrue();
        assertThat(vm.canStoreAt(SQL, SQL.indexOf("'connector'"))).isFalse();
    }
}
