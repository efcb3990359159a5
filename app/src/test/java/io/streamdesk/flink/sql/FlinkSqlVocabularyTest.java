package io.streamdesk.flink.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdesk.model.sql.completion.BuiltInVocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vocabulary as the bundled Flink 2.3 gives it: real definitions and factories, nothing typed by hand. */
class FlinkSqlVocabularyTest {
    private final BuiltInVocabulary v = new FlinkSqlVocabulary().read();

    @Test
    void builtInFunctionsByTheirSqlNames() {
        List<String> names = v.functions().stream().map(BuiltInVocabulary.Function::name).toList();
        assertThat(names).contains("UPPER", "COUNT", "SUM", "COALESCE", "DATE_FORMAT", "JSON_VALUE", "REGEXP_REPLACE",
                "TO_TIMESTAMP", "CURRENT_TIMESTAMP", "CAST", "ARRAY_AGG");
        // operators, Table API spellings and planner internals are not proposed
        assertThat(names).doesNotContain("AND", "IS NULL", "+", "IN", "LIKE", "CURRENTDATABASE", "LOWERCASE",
                "IFTHENELSE", "HIVE_AGG_DECIMAL_PLUS", "AS", "PROCTIME", "ROWTIME");
        assertThat(names).doesNotHaveDuplicates().hasSizeGreaterThan(150);
        BuiltInVocabulary.Function count = v.functions().stream().filter(f -> f.name().equals("COUNT")).findFirst()
                .orElseThrow();
        assertThat(count.kind()).isEqualTo("aggregate");
        assertThat(count.parentheses()).isTrue();
        assertThat(v.functions().stream().filter(f -> f.name().equals("CURRENT_TIMESTAMP")).findFirst().orElseThrow()
                .parentheses()).isFalse();
    }

    @Test
    void optionKeysOfTheConnectorsAndFormatsOnTheClassPath() {
        BuiltInVocabulary.OptionSet datagen = v.connectors().stream().filter(c -> c.identifier().equals("datagen"))
                .findFirst().orElseThrow();
        assertThat(datagen.optional()).contains("rows-per-second", "number-of-rows");
        assertThat(v.connectors()).extracting(BuiltInVocabulary.OptionSet::identifier)
                .contains("datagen", "print", "blackhole", "filesystem");
        assertThat(v.formats()).extracting(BuiltInVocabulary.OptionSet::identifier).contains("csv", "json");
        // formats are keyed as a table's WITH writes them, when a format is on the class path
        for (BuiltInVocabulary.OptionSet f : v.formats()) {
            assertThat(f.optional()).allMatch(k -> k.startsWith(f.identifier() + "."));
        }
    }

    @Test
    void readOnceThenCached() {
        FlinkSqlVocabulary vocabulary = new FlinkSqlVocabulary();
        assertThat(vocabulary.read()).isSameAs(vocabulary.read());
    }
}
