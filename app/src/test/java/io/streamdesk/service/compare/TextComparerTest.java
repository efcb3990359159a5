package io.streamdesk.service.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdesk.service.InputRejectedException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextComparerTest {

    private static String lines(String... l) {
        return String.join("\n", l) + "\n";
    }

    private static List<LineKind> kinds(TextComparison c) {
        return c.rows().stream().map(DiffRow::kind).toList();
    }

    @Test
    void identicalTextsHaveNoChanges() {
        TextComparison c = TextComparer.compare(lines("a", "b"), lines("a", "b"));
        assertThat(c.identical()).isTrue();
        assertThat(c.changeCount()).isZero();
        assertThat(kinds(c)).containsExactly(LineKind.SAME, LineKind.SAME);
        assertThat(c.notes()).isEmpty();
    }

    @Test
    void aChangedLineHasInlineRangesOnBothSides() {
        TextComparison c = TextComparer.compare(lines("SELECT a FROM t;", "x"), lines("SELECT b FROM t;", "x"));
        assertThat(c.changeCount()).isEqualTo(1);
        DiffRow row = c.rows().get(0);
        assertThat(row.kind()).isEqualTo(LineKind.CHANGED);
        assertThat(row.leftLine()).isEqualTo(1);
        assertThat(row.rightLine()).isEqualTo(1);
        assertThat(row.leftInline()).containsExactly(new TextRange(7, 8));
        assertThat(row.rightInline()).containsExactly(new TextRange(7, 8));
        assertThat(c.changedLines()).isEqualTo(1);
        assertThat(c.rows().get(1).kind()).isEqualTo(LineKind.SAME);
    }

    @Test
    void insertedCharactersOnlyMarkTheRightSide() {
        TextComparison c = TextComparer.compare("WHERE a > 1", "WHERE a > 10");
        DiffRow row = c.rows().get(0);
        assertThat(row.leftInline()).isEmpty();
        assertThat(row.rightInline()).containsExactly(new TextRange(11, 12));
    }

    @Test
    void addedAndRemovedLinesGetFillersAndBothLineNumbers() {
        TextComparison c = TextComparer.compare(lines("a", "b", "c", "d"), lines("a", "c", "d", "e"));
        assertThat(kinds(c)).containsExactly(LineKind.SAME, LineKind.REMOVED, LineKind.SAME, LineKind.SAME,
                LineKind.ADDED);
        DiffRow removed = c.rows().get(1);
        assertThat(removed.leftLine()).isEqualTo(2);
        assertThat(removed.hasRight()).isFalse();
        DiffRow added = c.rows().get(4);
        assertThat(added.rightLine()).isEqualTo(4);
        assertThat(added.hasLeft()).isFalse();
        assertThat(c.changeCount()).isEqualTo(2);
        assertThat(c.addedLines()).isEqualTo(1);
        assertThat(c.removedLines()).isEqualTo(1);
        assertThat(c.changes().get(0).describe()).isEqualTo("Removed: line 2");
        assertThat(c.changes().get(1).describe()).isEqualTo("Added: line 4");
        // same row count on both sides keeps the panes aligned: row i of the left sits next to row i of the right
        assertThat(c.rows().get(2).leftLine()).isEqualTo(3);
        assertThat(c.rows().get(2).rightLine()).isEqualTo(2);
    }

    @Test
    void changeBlocksCoverTheirRowsAndCountsMatch() {
        TextComparison c = TextComparer.compare(lines("a", "b", "c", "d", "e"), lines("a", "B", "C", "x", "d", "e"));
        assertThat(c.changeCount()).isEqualTo(1);
        ChangeBlock block = c.changes().get(0);
        assertThat(block.firstRow()).isEqualTo(1);
        assertThat(block.leftStart()).isEqualTo(2);
        assertThat(block.leftCount()).isEqualTo(2);
        assertThat(block.rightCount()).isEqualTo(3);
        assertThat(c.rows().subList(block.firstRow(), block.endRow())).allMatch(r -> r.change() == 0);
        assertThat(c.changedLines()).isEqualTo(2);
        assertThat(c.addedLines()).isEqualTo(1);
    }

    @Test
    void emptySides() {
        TextComparison added = TextComparer.compare("", lines("a", "b"));
        assertThat(kinds(added)).containsExactly(LineKind.ADDED, LineKind.ADDED);
        assertThat(added.changeCount()).isEqualTo(1);
        assertThat(added.changes().get(0).describe()).isEqualTo("Added: lines 1-2");

        TextComparison removed = TextComparer.compare(lines("a"), null);
        assertThat(kinds(removed)).containsExactly(LineKind.REMOVED);

        TextComparison none = TextComparer.compare("", "");
        assertThat(none.identical()).isTrue();
        assertThat(none.rows()).isEmpty();
    }

    @Test
    void crlfAgainstLfIsNotAChangeButIsNoted() {
        TextComparison c = TextComparer.compare("a\r\nb\r\n", "a\nb\n");
        assertThat(c.identical()).isTrue();
        assertThat(c.notes()).singleElement().asString().contains("Line endings differ").contains("CRLF");
        assertThat(TextComparer.compare("a\r\nb", "a\nc").rows().get(1).kind()).isEqualTo(LineKind.CHANGED);
    }

    @Test
    void trailingWhitespaceCountsUnlessIgnored() {
        String left = lines("SELECT 1;  ", "x");
        String right = lines("SELECT 1;", "x");
        TextComparison strict = TextComparer.compare(left, right);
        assertThat(strict.changeCount()).isEqualTo(1);
        assertThat(strict.rows().get(0).leftInline()).containsExactly(new TextRange(9, 11));

        TextComparison lenient = new TextComparer(new CompareOptions(true)).apply(left, right);
        assertThat(lenient.identical()).isTrue();
        assertThat(lenient.notes()).anyMatch(n -> n.contains("trailing whitespace"));
        // the rows still show each side's own text
        assertThat(lenient.rows().get(0).leftText()).isEqualTo("SELECT 1;  ");
    }

    @Test
    void aMovedBlockIsRemovedPlusAddedAndLinked() {
        String left = lines("CREATE TABLE a (x INT);", "CREATE TABLE b (y INT);", "middle 1", "middle 2", "end");
        String right = lines("middle 1", "middle 2", "CREATE TABLE a (x INT);", "CREATE TABLE b (y INT);", "end");
        TextComparison c = TextComparer.compare(left, right);
        assertThat(c.changeCount()).isEqualTo(2);
        ChangeBlock first = c.changes().get(0);
        ChangeBlock second = c.changes().get(1);
        assertThat(first.isMove()).isTrue();
        assertThat(second.isMove()).isTrue();
        assertThat(first.movedTo() == second.index() || second.movedTo() == first.index()).isTrue();
        assertThat(c.notes()).anyMatch(n -> n.contains("moved block"));
        assertThat(c.changes()).anyMatch(b -> b.describe().startsWith("Moved here"));
    }

    @Test
    void movedBlankLinesAreNotCalledAMove() {
        TextComparison c = TextComparer.compare(lines("", "", "x1", "x2", "x3"), lines("x1", "x2", "x3", "", ""));
        assertThat(c.changeCount()).isEqualTo(2);
        assertThat(c.changes()).noneMatch(ChangeBlock::isMove);
    }

    @Test
    void veryLongLinesAreMarkedCoarselyAndQuickly() {
        String longLeft = "x".repeat(50_000) + "abc" + "y".repeat(50_000);
        String longRight = "x".repeat(50_000) + "q".repeat(3_000) + "z" + "y".repeat(1_000) + "k".repeat(2_000) + "y".repeat(49_000);
        TextComparison c = TextComparer.compare(longLeft, longRight);
        DiffRow row = c.rows().get(0);
        assertThat(row.kind()).isEqualTo(LineKind.CHANGED);
        assertThat(row.leftInline()).singleElement().satisfies(r -> assertThat(r.start()).isEqualTo(50_000));
        assertThat(c.notes()).anyMatch(n -> n.contains("very long"));
        // a long line with a small edit is still diffed precisely after cutting the common start and end
        TextComparison small = TextComparer.compare("a".repeat(100_000) + "1", "a".repeat(100_000) + "2");
        assertThat(small.rows().get(0).rightInline()).containsExactly(new TextRange(100_000, 100_001));
        assertThat(small.notes()).isEmpty();
    }

    @Test
    void tooLargeSidesAreRefusedWithTheSide() {
        String huge = "x".repeat(TextComparer.MAX_CHARS + 1);
        assertThatThrownBy(() -> TextComparer.compare("a", huge))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("right side");
    }

    @Test
    void anAlignmentOverItsBudgetBecomesOneChange() {
        String left = IntStream.range(0, 4000).mapToObj(i -> "l" + i).collect(Collectors.joining("\n"));
        String right = IntStream.range(0, 4000).mapToObj(i -> i % 2 == 0 ? "l" + i : "r" + i).collect(Collectors.joining("\n"));
        TextComparison c = new TextComparer(CompareOptions.defaults(), Duration.ZERO).apply(left, right);
        assertThat(c.changeCount()).isEqualTo(1);
        assertThat(c.notes()).anyMatch(n -> n.contains("too different"));
        TextComparison aligned = TextComparer.compare(left, right);
        assertThat(aligned.changeCount()).isEqualTo(2000);
    }

    @Test
    void spreadOutChangesInALargeTextAreAllFound() {
        List<String> base = IntStream.range(0, 2000).mapToObj(i -> "INSERT INTO t" + i + " SELECT * FROM s;").toList();
        List<String> changed = IntStream.range(0, 2000)
                .mapToObj(i -> i % 100 == 50 ? "INSERT INTO t" + i + " SELECT x FROM s;" : base.get(i)).toList();
        TextComparison c = TextComparer.compare(String.join("\n", base), String.join("\n", changed));
        assertThat(c.changeCount()).isEqualTo(20);
        assertThat(c.changedLines()).isEqualTo(20);
        assertThat(c.rows()).hasSize(2000);
        assertThat(c.rows().get(50).rightInline()).isNotEmpty();
    }

    @Test
    void secretValuesInTheSqlAreMaskedButTheirChangeCounts() {
        TextComparison c = TextComparer.compare(
                lines("SET 'connector.password' = 'hunter2';", "  WITH ('connector' = 'jdbc', 'password' = 'p1')"),
                lines("SET 'connector.password' = 'hunter3';", "  WITH ('connector' = 'jdbc', 'password' = 'p1')"));
        assertThat(c.changeCount()).isEqualTo(1);
        DiffRow row = c.rows().get(0);
        assertThat(row.kind()).isEqualTo(LineKind.CHANGED);
        assertThat(row.leftText()).isEqualTo("SET 'connector.password' = '" + SecretKeys.MASK + "';");
        assertThat(row.leftInline()).isEmpty();
        assertThat(c.rows()).noneMatch(r -> (r.leftText() + r.rightText()).matches(".*(hunter|p1).*"));
        assertThat(c.rows().get(1).rightText()).contains("'connector' = 'jdbc'");
    }
}
