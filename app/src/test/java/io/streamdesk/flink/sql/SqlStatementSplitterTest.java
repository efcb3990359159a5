package io.streamdesk.flink.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class SqlStatementSplitterTest {

    private final SqlStatementSplitter splitter = new SqlStatementSplitter();

    private List<String> texts(String script) {
        return splitter.split(script).stream().map(SqlStatement::text).toList();
    }

    @Test
    void splitsAtSemicolonsAndTrimsEachStatement() {
        assertThat(texts("SELECT 1;  SELECT 2 ;\nSELECT 3")).containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void recordsOffsetLineAndColumnOfTheFirstSignificantCharacter() {
        String script = "-- header\n\n  /* c */ SELECT 1;\n\tSELECT\n 2;";
        List<SqlStatement> statements = splitter.split(script);
        assertThat(statements).extracting(SqlStatement::line, SqlStatement::column, SqlStatement::text)
                .containsExactly(tuple(3, 11, "SELECT 1"), tuple(4, 2, "SELECT\n 2"));
        assertThat(statements.get(0).offset()).isEqualTo(script.indexOf("SELECT 1"));
        assertThat(statements.get(1).offset()).isEqualTo(script.indexOf("SELECT\n"));
    }

    @Test
    void semicolonInStringLiteralWithEscapedQuoteDoesNotSplit() {
        assertThat(texts("SELECT 'a;''b;' AS x; SELECT 2"))
                .containsExactly("SELECT 'a;''b;' AS x", "SELECT 2");
    }

    @Test
    void semicolonInBackquotedIdentifierDoesNotSplit() {
        assertThat(texts("SELECT `we;ird` FROM t; SELECT 2")).containsExactly("SELECT `we;ird` FROM t", "SELECT 2");
    }

    @Test
    void semicolonInCommentsDoesNotSplit() {
        String script = "SELECT 1 -- not; here\n FROM t /* nor; here */ WHERE x = 1; SELECT 2";
        assertThat(texts(script)).containsExactly("SELECT 1 -- not; here\n FROM t /* nor; here */ WHERE x = 1", "SELECT 2");
    }

    @Test
    void commentOnlyAndBlankPiecesAreNotStatements() {
        assertThat(texts(";;  \n-- only a comment;\n/* and; this */ ;\n")).isEmpty();
        assertThat(texts("SELECT 1;\n-- trailing comment\n")).containsExactly("SELECT 1");
    }

    @Test
    void statementSetBlockStaysWhole() {
        String block = "EXECUTE STATEMENT SET BEGIN\n  INSERT INTO a SELECT * FROM s;\n  INSERT INTO b SELECT * FROM s;\nEND";
        assertThat(texts("CREATE TABLE s (x INT);\n" + block + ";\nSELECT 3;"))
                .containsExactly("CREATE TABLE s (x INT)", block, "SELECT 3");
    }

    @Test
    void statementSetIsCaseInsensitiveAndReadsWholeWords() {
        String block = "execute statement set begin\n"
                + "  insert into a select window_end, end_time, `end` from s where name = 'END';\n"
                + "  insert into b select weekend from s; -- END; in a comment\n"
                + "end";
        assertThat(texts(block + ";\nselect 1")).containsExactly(block, "select 1");
    }

    @Test
    void wordsStartingLikeStatementSetDoNotOpenABlock() {
        assertThat(texts("EXECUTE STATEMENT SETX BEGIN; SELECT 2;"))
                .containsExactly("EXECUTE STATEMENT SETX BEGIN", "SELECT 2");
    }

    @Test
    void unterminatedStringRunsToTheEnd() {
        assertThat(texts("SELECT 1; SELECT 'open; SELECT 3")).containsExactly("SELECT 1", "SELECT 'open; SELECT 3");
    }

    @Test
    void unterminatedBlockCommentSwallowsTheRest() {
        assertThat(texts("SELECT 1; /* open; SELECT 2")).containsExactly("SELECT 1");
    }

    @Test
    void mapsStatementPositionsToTheScript() {
        SqlStatement statement = splitter.split("\n\n    SELECT *\n  FORM t").get(0);
        assertThat(statement.toScriptPosition(1, 8)).containsExactly(3, 12);
        assertThat(statement.toScriptPosition(2, 3)).containsExactly(4, 3);
    }

    @Test
    void crLfLineEndsCountAsOneLine() {
        List<SqlStatement> statements = splitter.split("SELECT 1;\r\n\r\nSELECT 2;");
        assertThat(statements).extracting(SqlStatement::line, SqlStatement::column)
                .containsExactly(tuple(1, 1), tuple(3, 1));
    }
}
