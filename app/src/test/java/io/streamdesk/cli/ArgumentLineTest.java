package io.streamdesk.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgumentLineTest {
    @Test
    void splitsOnWhitespaceAndKeepsQuotedGroups() {
        assertThat(ArgumentLine.split("cli  job create --name \"Orders per minute\" --sql 'my file.sql'"))
                .containsExactly("cli", "job", "create", "--name", "Orders per minute", "--sql", "my file.sql");
    }

    @Test
    void emptyAndBlankGiveNoArguments() {
        assertThat(ArgumentLine.split("")).isEmpty();
        assertThat(ArgumentLine.split("   ")).isEmpty();
    }

    @Test
    void backslashEscapesAndEmptyQuotesAreAnArgument() {
        assertThat(ArgumentLine.split("a\\ b \"\" c")).containsExactly("a b", "", "c");
    }

    @Test
    void unclosedQuoteIsRefused() {
        assertThatThrownBy(() -> ArgumentLine.split("--name \"Orders")).hasMessageContaining("Unclosed \"");
    }
}
