package io.streamdesk.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.SqlProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** E5 in the real control: typing, undo and problem markers keep the styles equal to a full highlight. */
@ExtendWith(ApplicationExtension.class)
class SqlCodeAreaHighlightTest {
    private SqlCodeArea area;

    @Start
    void start(Stage stage) {
        area = new SqlCodeArea();
        stage.setScene(new Scene(area, 600, 400));
        stage.show();
    }

    @Test
    void editsAndUndoKeepTheStylesOfAFullHighlight(FxRobot robot) {
        Random random = new Random(7);
        String[] snippets = {"'", "/*", "*/", "--", "\n", "x", " SELECT", "(", ")"};
        // on the FX thread in one go: the styles live in the document model, no pulse is needed between edits
        robot.interact(() -> {
            area.replaceAllText(IncrementalLexTest.SCRIPT.repeat(3));
            for (int step = 0; step < 40; step++) {
                if (step % 7 == 6) {
                    area.undo();
                } else {
                    int at = random.nextInt(area.getLength() + 1);
                    String s = snippets[random.nextInt(snippets.length)];
                    area.insertText(at, s);
                    area.moveTo(Math.min(at + s.length(), area.getLength()));
                }
                assertThat(perChar(area.getText(), area.getStyleSpans(0, area.getLength()))).as("step %d", step)
                        .isEqualTo(perChar(area.getText(), SqlHighlighter.compute(area.getText())));
            }
        });
    }

    /**
     * Issue 14: a quote typed at the top of 10,000 lines changes the styles of every line; the area restyles the screen
     * at once and the rest a chunk per frame, and after the frames every style equals a full highlight.
     */
    @Test
    void aQuoteAtTheTopOfALongScriptIsRestyledFrameByFrame(FxRobot robot) throws Exception {
        // every line has an even number of quotes and no comment holds one: a quote at the top never re-converges
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            sb.append(i % 2 == 0 ? "CREATE TABLE t" + i + " (id BIGINT) WITH ('connector' = 'datagen');"
                    : "SELECT id FROM t WHERE v <> 'x'; -- note " + i).append('\n');
        }
        String script = sb.toString();
        robot.interact(() -> area.replaceAllText(script));
        awaitRestyled(robot);
        boolean[] pending = new boolean[1];
        robot.interact(() -> {
            area.insertText(0, "'");
            pending[0] = area.restylePending();
        });
        assertThat(pending[0]).as("the far part is left to the frames").isTrue();
        awaitRestyled(robot);
        robot.interact(() -> assertThat(perChar(area.getText(), area.getStyleSpans(0, area.getLength())))
                .isEqualTo(perChar(area.getText(), SqlHighlighter.compute(area.getText()))));
    }

    private void awaitRestyled(FxRobot robot) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> {
            boolean[] pending = new boolean[1];
            robot.interact(() -> pending[0] = area.restylePending());
            return !pending[0];
        });
    }

    @Test
    void markersMoveWithTheirTextAndAreReplacedByTheNextCheck(FxRobot robot) {
        String sql = "SELECT 1;\nSELEC 2;\n";
        robot.interact(() -> {
            area.replaceAllText(sql);
            area.setMarkers(ProblemMarkers.markers(sql, List.of(new SqlProblem(2, 1, "no such keyword"))));
        });
        assertThat(area.markedLines()).containsExactly(1);
        robot.interact(() -> area.insertText(0, "-- header\n"));
        assertThat(area.markedLines()).containsExactly(2);
        int selec = area.getText().indexOf("SELEC 2");
        assertThat(area.getStyleOfChar(selec + 1)).contains("sql-error");
        robot.interact(() -> area.setMarkers(List.of()));
        assertThat(area.markedLines()).isEmpty();
        assertThat(area.getStyleOfChar(selec + 1)).doesNotContain("sql-error");
    }

    @Test
    void theBracketAtTheCaretAndItsPartnerAreMarked(FxRobot robot) {
        robot.interact(() -> {
            area.replaceAllText("SELECT (a + (b)) FROM t");
            area.moveTo(8);
        });
        assertThat(area.matchedBrackets()).isEqualTo(new BracketMatcher.Pair(7, 15));
        assertThat(area.getStyleOfChar(7)).contains("bracket-match");
        assertThat(area.getStyleOfChar(15)).contains("bracket-match");
        assertThat(area.getStyleOfChar(14)).doesNotContain("bracket-match");
        robot.interact(() -> area.moveTo(3));
        assertThat(area.matchedBrackets()).isNull();
        assertThat(area.getStyleOfChar(7)).doesNotContain("bracket-match");
        assertThat(area.getStyleOfChar(15)).doesNotContain("bracket-match");
    }

    /** Per character, without the bracket overlay and line breaks (the document keeps no style for them). */
    private static List<Set<String>> syntaxOnly(StyleSpans<Collection<String>> spans) {
        List<Set<String>> out = new ArrayList<>();
        spans.forEach(span -> {
            Set<String> style = new java.util.HashSet<>(span.getStyle());
            style.remove("bracket-match");
            for (int i = 0; i < span.getLength(); i++) {
                out.add(Set.copyOf(style));
            }
        });
        return out;
    }

    private static List<Set<String>> perChar(String text, StyleSpans<Collection<String>> spans) {
        List<Set<String>> out = syntaxOnly(spans);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.set(i, Set.of("line-break"));
            }
        }
        return out;
    }
}
