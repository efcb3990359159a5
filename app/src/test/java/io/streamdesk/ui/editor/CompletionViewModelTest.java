package io.streamdesk.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.flink.sql.FlinkSqlVocabulary;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.sql.completion.CompletionItem;
import io.streamdesk.service.completion.CompletionService;
import io.streamdesk.ui.fake.ManualScheduler;
import io.streamdesk.ui.fake.TestContexts;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The popup's state: when it opens, how it follows the typing, what Enter inserts. Real engine and vocabulary. */
class CompletionViewModelTest {
    private static final String DDL = "CREATE TABLE orders (order_id BIGINT, amount DOUBLE) WITH ('connector' = 'datagen');\n";
    private final ManualScheduler scheduler = new ManualScheduler();
    private final CompletionService service = new CompletionService(new FlinkSqlVocabulary(), () -> MetadataSnapshot.EMPTY,
            Clock.systemUTC());
    private final CompletionViewModel vm = new CompletionViewModel(TestContexts.synchronous(scheduler));
    private final Editor editor = new Editor();

    /** The editor as the view model sees it: text and caret. */
    private static final class Editor implements CompletionViewModel.Source {
        String text = "";
        int caret;

        @Override
        public String text() {
            return text;
        }

        @Override
        public int caret() {
            return caret;
        }

        void type(CompletionViewModel vm, String typed) {
            for (char c : typed.toCharArray()) {
                text = text.substring(0, caret) + c + text.substring(caret);
                caret++;
                String before = text.substring(0, caret);
                vm.typed(c, before.substring(before.lastIndexOf('\n') + 1), this);
            }
        }

        void apply(CompletionViewModel.Edit e) {
            text = text.substring(0, e.start()) + e.text() + text.substring(e.end());
            caret = e.caret();
        }
    }

    @BeforeEach
    void setUp() {
        vm.useService(() -> service);
        editor.text = DDL;
        editor.caret = DDL.length();
    }

    @Test
    void twoLettersOpenThePopupAfterThePauseAndEnterInserts() {
        editor.type(vm, "SELECT * FROM o");
        scheduler.advance(CompletionViewModel.AUTO_DELAY);
        assertThat(vm.isShowing()).as("one letter of a word is not enough").isFalse();
        editor.type(vm, "r");
        assertThat(vm.isShowing()).isFalse();
        scheduler.advance(CompletionViewModel.AUTO_DELAY.minusMillis(1));
        assertThat(vm.isShowing()).as("debounced").isFalse();
        scheduler.advance(java.time.Duration.ofMillis(1));
        assertThat(vm.isShowing()).isTrue();
        assertThat(vm.items()).extracting(CompletionItem::label).startsWith("orders");
        assertThat(vm.selectedIndexProperty().get()).isZero();

        CompletionViewModel.Edit edit = vm.accept(editor.caret).orElseThrow();
        editor.apply(edit);
        assertThat(editor.text).endsWith("SELECT * FROM orders");
        assertThat(vm.isShowing()).isFalse();
    }

    @Test
    void ctrlSpaceAsksAtOnceAndTheListFollowsTyping() {
        editor.type(vm, "SELECT  FROM orders");
        editor.caret = DDL.length() + "SELECT ".length();
        vm.requestNow(editor);
        assertThat(vm.isShowing()).isTrue();
        assertThat(vm.items()).extracting(CompletionItem::label).startsWith("amount", "order_id");

        editor.type(vm, "or");
        scheduler.advance(CompletionViewModel.FOLLOW_DELAY);
        // the keyword equal to the prefix first, then the column that starts with it
        assertThat(vm.items()).extracting(CompletionItem::label).startsWith("OR", "order_id").contains("ORDER");
        vm.moveSelection(-1);
        assertThat(vm.selectedIndexProperty().get()).as("wraps around").isEqualTo(vm.items().size() - 1);
        vm.moveSelection(2);
        editor.apply(vm.accept(editor.caret).orElseThrow());
        assertThat(editor.text).endsWith("SELECT order_id FROM orders");
    }

    @Test
    void aDotOpensColumnsAndAFunctionPutsTheCaretBetweenItsBrackets() {
        editor.type(vm, "SELECT o.");
        editor.text = editor.text + " FROM orders o";
        scheduler.advance(CompletionViewModel.AUTO_DELAY);
        assertThat(vm.items()).extracting(CompletionItem::label).containsExactly("amount", "order_id");
        vm.dismiss();

        editor.text = DDL;
        editor.caret = DDL.length();
        editor.type(vm, "SELECT UPP");
        scheduler.advance(CompletionViewModel.AUTO_DELAY);
        assertThat(vm.items()).extracting(CompletionItem::label).first().isEqualTo("UPPER");
        editor.apply(vm.accept(editor.caret).orElseThrow());
        assertThat(editor.text).endsWith("SELECT UPPER()");
        assertThat(editor.caret).isEqualTo(editor.text.length() - 1);
    }

    @Test
    void escapeASpaceOrAClickElsewhereClose() {
        editor.type(vm, "SELECT * FROM or");
        scheduler.advance(CompletionViewModel.AUTO_DELAY);
        assertThat(vm.isShowing()).isTrue();
        editor.type(vm, " ");
        assertThat(vm.isShowing()).isFalse();

        vm.requestNow(editor);
        assertThat(vm.isShowing()).isTrue();
        vm.caretMoved(3);
        assertThat(vm.isShowing()).isFalse();
        assertThat(vm.accept(editor.caret)).isEmpty();
    }

    @Test
    void nothingShowsWithoutProposalsOrInsideAComment() {
        editor.type(vm, "-- a comment ab");
        scheduler.advance(CompletionViewModel.AUTO_DELAY);
        assertThat(vm.isShowing()).isFalse();
        vm.requestNow(editor);
        assertThat(vm.isShowing()).isFalse();
    }
}
