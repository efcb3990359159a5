package io.streamdesk.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which quoted option values "Store as secret" offers to move into the secret store. */
class PlainSecretOptionsTest {
    private static final String SQL = """
            -- 'password' = 'in-a-comment'
            CREATE TABLE snk (id BIGINT) WITH (
              'connector' = 'jdbc',
              'username' = 'flink',
              'password' = 'it''s-secret',
              'token' = '${secret:sec-1}',
              'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required;',
              'secret' = '',
              'url' = 'jdbc:postgresql://db/x'
            );
            """;

    @Test
    void findsPlainPasswordLikeValuesButNotCommentsReferencesOrEmptyValues() {
        List<PlainSecretOptions.Option> found = PlainSecretOptions.find(SQL);
        assertThat(found).extracting(PlainSecretOptions.Option::key)
                .containsExactly("password", "properties.sasl.jaas.config");
        PlainSecretOptions.Option password = found.get(0);
        assertThat(password.writtenValue()).isEqualTo("it''s-secret");
        assertThat(SQL.substring(password.valueStart(), password.valueEnd())).isEqualTo("it''s-secret");
        assertThat(password.line()).isEqualTo(4);
    }

    @Test
    void theCaretPicksTheOptionItIsInOrTheFirstOfItsLine() {
        List<PlainSecretOptions.Option> found = PlainSecretOptions.find(SQL);
        int inJaas = SQL.indexOf("PlainLoginModule");
        assertThat(PlainSecretOptions.at(found, SQL, inJaas)).map(PlainSecretOptions.Option::key)
                .contains("properties.sasl.jaas.config");
        int startOfPasswordLine = SQL.indexOf("  'password'");
        assertThat(PlainSecretOptions.at(found, SQL, startOfPasswordLine)).map(PlainSecretOptions.Option::key)
                .contains("password");
        assertThat(PlainSecretOptions.at(found, SQL, SQL.indexOf("'url'"))).isEmpty();
    }

    @Test
    void anUnterminatedValueIsNotOffered() {
        assertThat(PlainSecretOptions.find("WITH ('password' = 'half")).isEmpty();
    }
}
