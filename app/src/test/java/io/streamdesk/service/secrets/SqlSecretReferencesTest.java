package io.streamdesk.service.secrets;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a ${secret:id} in SQL counts (string literals only), its position, its placeholder and its resolution. */
class SqlSecretReferencesTest {
    private static final String SQL = """
            -- the password is '${secret:in-comment}'
            CREATE TABLE t (`${secret:in-identifier}` INT) WITH (
              'connector' = 'jdbc', 'password' = '${secret:pg}',
              'url' = 'jdbc:postgresql://db/x?user=u&password=${secret:pg}' /* '${secret:in-block}' */
            );
            """;

    @Test
    void onlyReferencesInsideStringLiteralsCountWithTheirLineAndColumn() {
        SqlSecretReferences.Scan scan = SqlSecretReferences.scan(SQL);
        assertThat(scan.malformed()).isEmpty();
        assertThat(scan.references()).extracting(SqlSecretReferences.Reference::id).containsExactly("pg", "pg");
        SqlSecretReferences.Reference first = scan.references().get(0);
        assertThat(first.line()).isEqualTo(3);
        assertThat(first.column()).isEqualTo(SQL.lines().toList().get(2).indexOf("${secret:pg}") + 1);
        assertThat(SQL.substring(first.start(), first.end())).isEqualTo("${secret:pg}");
        assertThat(scan.references().get(1).line()).isEqualTo(4);
    }

    @Test
    void aMalformedReferenceInALiteralIsReportedAndAnEscapedQuoteDoesNotEndTheLiteral() {
        String sql = "SET 'a' = 'it''s ${secret:ok}';\nSET 'b' = 'x ${secret:no end';\n";
        SqlSecretReferences.Scan scan = SqlSecretReferences.scan(sql);
        assertThat(scan.references()).extracting(SqlSecretReferences.Reference::id).containsExactly("ok");
        assertThat(scan.malformed()).singleElement().satisfies(m -> {
            assertThat(m.line()).isEqualTo(2);
            assertThat(m.column()).isEqualTo(14);
        });
    }

    @Test
    void placeholdersKeepEveryPositionAndParseAsANumber() {
        String sql = "CREATE TABLE s (v INT) WITH ('rows-per-second' = '${secret:rate}', 'x' = 'a${secret:b}c');";
        String checked = SqlSecretReferences.withPlaceholders(sql);
        assertThat(checked).hasSameSizeAs(sql).doesNotContain("secret")
                .contains("'rows-per-second' = '00000000000001'").contains("'a00000000001c'");
        assertThat(Long.parseLong("00000000000001")).isEqualTo(1);
        assertThat(SqlSecretReferences.withPlaceholders("SELECT 1")).isEqualTo("SELECT 1");
    }

    @Test
    void resolvingWritesTheValueAsLiteralTextWithQuotesDoubled() {
        String sql = "CREATE TABLE t (v INT) WITH ('password' = '${secret:pg}'); -- ${secret:pg}";
        String resolved = SqlSecretReferences.resolve(sql, Map.of("pg", "it's")::get);
        assertThat(resolved).isEqualTo("CREATE TABLE t (v INT) WITH ('password' = 'it''s'); -- ${secret:pg}");
    }
}
