package io.streamdesk.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.SqlProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemMarkersTest {
    private static final String SQL = "-- header\nINSERT INTO sink\nSELEC id, 'it''s' FROM src;\n";

    private static String marked(String text, SqlProblem p) {
        ProblemMarkers.Marker m = ProblemMarkers.markers(text, List.of(p)).get(0);
        return text.substring(m.start(), m.end());
    }

    @Test
    void underlinesTheWholeWordAtLineAndColumn() {
        assertThat(marked(SQL, new SqlProblem(3, 1, "x"))).isEqualTo("SELEC");
        assertThat(marked(SQL, new SqlProblem(2, 8, "x"))).isEqualTo("INTO");
        assertThat(marked(SQL, new SqlProblem(3, 7, "x"))).isEqualTo("id");
    }

    @Test
    void underlinesAQuotedLiteralAndSingleSymbols() {
        // the whole literal: a doubled quote escapes a quote, as the lexer (and Flink) read it
        assertThat(marked(SQL, new SqlProblem(3, 11, "x"))).isEqualTo("'it''s'");
        assertThat(marked(SQL, new SqlProblem(3, 9, "x"))).isEqualTo(",");
    }

    @Test
    void aPositionAtTheEndOfALineMarksTheCharacterBefore() {
        assertThat(marked(SQL, new SqlProblem(2, 17, "x"))).isEqualTo("k");
        assertThat(marked(SQL, new SqlProblem(2, 99, "x"))).isEqualTo("k");
    }

    @Test
    void outOfRangePositionsAreClampedNotThrown() {
        ProblemMarkers.Marker m = ProblemMarkers.markers(SQL, List.of(new SqlProblem(42, 0, "x"))).get(0);
        assertThat(m.paragraph()).isEqualTo(3); // the empty last line
        assertThat(m.start()).isLessThanOrEqualTo(SQL.length());
        assertThat(ProblemMarkers.markers("", List.of(new SqlProblem(1, 1, "x"))).get(0).start()).isZero();
    }

    @Test
    void groupsMarkersByParagraphForTheGutter() {
        var markers = ProblemMarkers.markers(SQL, List.of(new SqlProblem(3, 7, "b"), new SqlProblem(3, 1, "a"),
                new SqlProblem(1, 1, "c")));
        var byLine = ProblemMarkers.byParagraph(markers);
        assertThat(byLine.keySet()).containsExactly(0, 2);
        assertThat(byLine.get(2)).extracting(m -> m.problem().message()).containsExactly("a", "b");
    }

    @Test
    void offsetOfPointsAtLineAndColumn() {
        int at = ProblemMarkers.offsetOf(SQL, 3, 7);
        assertThat(SQL.substring(at, at + 2)).isEqualTo("id");
    }
}
