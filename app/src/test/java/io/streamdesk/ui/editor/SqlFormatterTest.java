package io.streamdesk.ui.editor;

import io.streamdesk.flink.sql.FlinkSqlChecker;
import io.streamdesk.flink.sql.SqlStatement;
import io.streamdesk.flink.sql.SqlStatementSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SqlFormatterTest {

    static final String PIPELINE = """
            -- a generated stream into a sink that drops rows
            create table orders (id bigint, amount double, `select` STRING, key STRING, ts as proctime()) with ('connector' = 'datagen', 'rows-per-second' = '20');

            create table sink (id bigint, amount double) with ('connector' = 'blackhole');
            insert into sink select id, amount from orders where amount > 0 and `select` <> 'from where' -- keep positive
            ;
            """;

    static Stream<String> scripts() {
        return Stream.of(
                PIPELINE,
                "select a, b from t where a > 1 group by a having count(*) > 2 order by a limit 10",
                "SELECT * FROM (select id from (select id, name from users) u where id in (1, 2, 3)) x left outer join y on x.id = y.id",
                "select case when a = 1 then 'one' else /* comment */ 'many' end as n, left(s, 3) from t",
                "EXECUTE STATEMENT SET BEGIN insert into a select * from s; insert into b select * from s; END;",
                "select 'it''s -- not a comment', \"quoted\" from t union all select 'x', 'y' from u",
                "-- only a comment",
                "",
                "select sum(amount) over (partition by id order by ts rows between 2 preceding and current row) from t",
                "create table t (\n  -- the key\n  id int,\n  /* name */ name string\n) with (\n  'connector' = 'datagen' -- test data\n)",
                "select 'unterminated from t where",
                "select a /* unterminated comment from t");
    }

    @Test
    void reservedWordsAreUpperCasedAndEveryClauseGetsALine() {
        assertThat(SqlFormatter.format("select a, b from t where a > 1 group by a order by b"))
                .isEqualTo("SELECT a, b\nFROM t\nWHERE a > 1\nGROUP BY a\nORDER BY b");
    }

    @Test
    void tableColumnsAndOptionsGetOneLineEachIndented() {
        assertThat(SqlFormatter.format("create table t (id bigint, price decimal(10, 2)) with ('connector' = 'datagen', 'x' = '1');"))
                .isEqualTo("""
                        CREATE TABLE t (
                          id BIGINT,
                          price DECIMAL(10, 2)
                        )
                        WITH (
                          'connector' = 'datagen',
                          'x' = '1'
                        );""");
    }

    @Test
    void subqueriesAreIndentedByTheirDepth() {
        assertThat(SqlFormatter.format("select * from (select id from users where id > 1) u"))
                .isEqualTo("SELECT *\nFROM (\n  SELECT id\n  FROM users\n  WHERE id > 1\n) u");
    }

    @Test
    void stringsCommentsQuotedIdentifiersAndNonReservedWordsAreUntouched() {
        String sql = "select `from`, \"where x\", 'select from', key, watermark from t -- from here\n/* select\n from */";
        String formatted = SqlFormatter.format(sql);
        assertThat(formatted).contains("`from`", "\"where x\"", "'select from'", "-- from here", "/* select\n from */",
                " key,", " watermark\n");
        assertThat(formatted).startsWith("SELECT ");
    }

    @Test
    void aLineCommentNeverSwallowsTheCodeAfterIt() {
        String formatted = SqlFormatter.format("select a -- the a\n, b from t");
        assertThat(formatted).contains("-- the a\n");
        assertThat(formatted).contains(", b");
    }

    @Test
    void aStatementSetBlockIsIndented() {
        assertThat(SqlFormatter.format("execute statement set begin insert into a select * from s; insert into b select * from s; end;"))
                .isEqualTo("""
                        execute statement SET begin
                          INSERT INTO a
                          SELECT *
                          FROM s;
                          INSERT INTO b
                          SELECT *
                          FROM s;
                        END;""");
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void formattingIsIdempotent(String sql) {
        String once = SqlFormatter.formatUnchecked(sql);
        assertThat(SqlFormatter.format(sql)).as("the token check never had to step in").isEqualTo(once);
        assertThat(SqlFormatter.format(once)).isEqualTo(once);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void onlyWhitespaceAndTheCaseOfReservedWordsChange(String sql) {
        String formatted = SqlFormatter.format(sql);
        assertThat(withoutWhitespace(formatted, true)).isEqualTo(withoutWhitespace(sql, true));
        // the same statements, in the same order, as the splitter the checker uses sees them
        List<SqlStatement> before = new SqlStatementSplitter().split(sql);
        List<SqlStatement> after = new SqlStatementSplitter().split(formatted);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(withoutWhitespace(after.get(i).text(), true)).isEqualTo(withoutWhitespace(before.get(i).text(), true));
        }
    }

    @Test
    void randomTokenSoupKeepsItsTokensAndFormatsIdempotently() {
        String[] pieces = {"select", "FROM", "where", "group", "by", "order", "join", "left", "on", "with", "insert",
                "into", "values", "union", "all", "case", "when", "then", "end", "begin", "execute", "statement", "set",
                "create", "table", "t", "key", "`from`", "'a''b -- c'", "\"x y\"", "-- note", "/* c\n d */", "(",
                ")", ",", ";", ".", "=", "<>", "-", "*", "1.5", "x_1", "\n", "\n\n", " ", "\t", "\r\n"};
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int j = 0; j < n; j++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextInt(3) > 0) {
                    sb.append(' ');
                }
            }
            String sql = sb.toString();
            String once = SqlFormatter.formatUnchecked(sql); // the layout itself, not the safety net
            assertThat(SqlFormatter.format(sql)).isEqualTo(once);
            assertThat(withoutWhitespace(once, true)).as(sql).isEqualTo(withoutWhitespace(sql, true));
            assertThat(SqlFormatter.format(once)).as(sql).isEqualTo(once);
        }
    }

    @Test
    void theFormattedPipelineStillChecksCleanWithFlinksParser() {
        String valid = PIPELINE.replace(", key STRING", "").replace(" and `select` <> 'from where'", "")
                .replace(", `select` STRING", "");
        FlinkSqlChecker checker = new FlinkSqlChecker();
        assertThat(checker.check(valid)).isEmpty();
        String formatted = SqlFormatter.format(valid);
        assertThat(formatted).isNotEqualTo(valid);
        assertThat(checker.check(formatted)).isEmpty();
    }

    /**
     * The text without whitespace outside literals and comments, reserved words upper-cased: what the parser
     * sees. Whitespace inside strings, quoted identifiers and comments is kept.
     */
    static String withoutWhitespace(String sql, boolean foldReserved) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '`' || c == '"') {
                int j = i + 1;
                while (j < sql.length() && sql.charAt(j) != c) {
                    j++;
                }
                j = Math.min(j + 1, sql.length());
                sb.append(sql, i, j);
                i = j;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int j = sql.indexOf('\n', i);
                j = j < 0 ? sql.length() : j;
                sb.append(sql.substring(i, j).stripTrailing()).append('\n'); // CRLF and LF end a comment alike
                i = j;
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int j = sql.indexOf("*/", i + 2);
                j = j < 0 ? sql.length() : j + 2;
                sb.append(sql, i, j);
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                    j++;
                }
                String word = sql.substring(i, j);
                String upper = word.toUpperCase(Locale.ROOT);
                sb.append(foldReserved && SqlFormatter.RESERVED.contains(upper) ? upper : word).append(' ');
                i = j;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }
}
