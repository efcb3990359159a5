package io.streamdesk.model.jobtype;

import io.streamdesk.model.jobtype.EtlSpec.FieldMapping;
import io.streamdesk.model.jobtype.EtlSpec.TableRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EtlSqlTest {
    static final TableRef ORDERS = new TableRef("_dc", "_db", "orders");
    static final TableRef SINK = new TableRef("_dc", "_db", "orders_clean");
    static final List<String> COLUMNS = List.of("id", "name", "amount", "order time");

    @Test
    void columnsAreQuotedExpressionsKeptAndTheFilterAppended() {
        EtlSpec spec = new EtlSpec(ORDERS, SINK, List.of(
                new FieldMapping("id", "id"),
                new FieldMapping("customer", "UPPER(name)"),
                new FieldMapping("amount_cents", "CAST(amount * 100 AS BIGINT)"),
                new FieldMapping("ts", "order time"),
                new FieldMapping("unused", "")), " amount > 10 AND name <> 'x;y' ");
        EtlSql.Generated g = EtlSql.generate(spec, COLUMNS);
        assertThat(g.problems()).isEmpty();
        assertThat(g.sql()).isEqualTo(EtlSql.HEADER + "\n"
                + "INSERT INTO `_dc`.`_db`.`orders_clean` (`id`, `customer`, `amount_cents`, `ts`)\n"
                + "SELECT\n"
                + "  `id` AS `id`,\n"
                + "  UPPER(name) AS `customer`,\n"
                + "  CAST(amount * 100 AS BIGINT) AS `amount_cents`,\n"
                + "  `order time` AS `ts`\n"
                + "FROM `_dc`.`_db`.`orders`\n"
                + "WHERE amount > 10 AND name <> 'x;y';\n");
    }

    @Test
    void backticksInNamesAreDoubledAndNoFilterMeansNoWhere() {
        EtlSpec spec = new EtlSpec(new TableRef("c", "d", "we`ird"), SINK, List.of(new FieldMapping("a`b", "1")), "");
        String sql = EtlSql.generate(spec, COLUMNS).sql();
        assertThat(sql).contains("INSERT INTO `_dc`.`_db`.`orders_clean` (`a``b`)")
                .contains("  1 AS `a``b`\n").contains("FROM `c`.`d`.`we``ird`;\n").doesNotContain("WHERE");
    }

    @Test
    void whatWouldChangeTheStatementsShapeIsRefusedNamingTheColumn() {
        EtlSpec base = new EtlSpec(ORDERS, SINK, List.of(), "");
        assertThat(problems(base.withMappings(List.of(new FieldMapping("id", "id; DROP TABLE x")))))
                .containsExactly("Mapping of id: a ';' would end the statement (column 3).");
        assertThat(problems(base.withMappings(List.of(new FieldMapping("id", "id -- x")))))
                .containsExactly("Mapping of id: comments are not allowed here (column 4).");
        assertThat(problems(base.withMappings(List.of(new FieldMapping("id", "UPPER(name")))))
                .containsExactly("Mapping of id: a bracket is not closed.");
        assertThat(problems(base.withMappings(List.of(new FieldMapping("id", "'abc")))))
                .containsExactly("Mapping of id: the quote at column 1 is not closed.");
        assertThat(problems(base.withMappings(List.of(new FieldMapping("id", "id FROM other")))))
                .singleElement().asString().contains("FROM (column 4) belongs to the statement");
        assertThat(problems(base.withMappings(List.of(new FieldMapping("id", "(SELECT max(id) FROM t)"))))).isEmpty();
        assertThat(problems(base.withMappings(List.of(new FieldMapping("id", "id"))).withFilter("a > 1) OR (1")))
                .containsExactly("Filter: the bracket at column 6 closes nothing.");
    }

    @Test
    void anIncompleteFormSaysWhatIsMissing() {
        assertThat(problems(EtlSpec.empty())).containsExactly("Source: choose the table the job reads.",
                "Sink: choose the table the job writes.",
                "Mapping: map at least one sink column to a source column or an expression.");
        assertThat(problems(new EtlSpec(ORDERS, ORDERS, List.of(new FieldMapping("id", "id"), new FieldMapping("id",
                "name")), ""))).containsExactly(
                "Sink: the job cannot write the table it reads (_dc._db.orders).",
                "Mapping: the sink column id is mapped twice.");
        assertThat(problems(new EtlSpec(ORDERS, SINK, List.of(new FieldMapping("id", "x".repeat(2001))), "")))
                .containsExactly("Mapping of id: at most 2000 characters.");
    }

    private static List<String> problems(EtlSpec spec) {
        EtlSql.Generated g = EtlSql.generate(spec, COLUMNS);
        assertThat(g.ok()).isEqualTo(g.problems().isEmpty());
        return g.problems();
    }
}
