package io.streamdesk.model.jobtype;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramArgumentsTest {

    @Test
    void blanksSeparateAndQuotesKeepBlanks() {
        assertThat(ProgramArguments.parse("  --rate 10\t--name 'two words'\n--path \"a b\"  ").orThrow())
                .containsExactly("--rate", "10", "--name", "two words", "--path", "a b");
        assertThat(ProgramArguments.parse("").orThrow()).isEmpty();
        assertThat(ProgramArguments.parse(null).orThrow()).isEmpty();
    }

    @Test
    void escapesAndAdjacentQuotedPartsMakeOneArgument() {
        assertThat(ProgramArguments.parse("a\\ b \"say \\\"hi\\\"\" 'it'\\''s' x''y --k=\"v w\" ''").orThrow())
                .containsExactly("a b", "say \"hi\"", "it's", "xy", "--k=v w", "");
        // inside single quotes nothing is special, a backslash neither
        assertThat(ProgramArguments.parse("'a\\b \"c\"'").orThrow()).containsExactly("a\\b \"c\"");
        // no shell: $, *, ; and | are plain characters
        assertThat(ProgramArguments.parse("$HOME *.txt a;b c|d").orThrow())
                .containsExactly("$HOME", "*.txt", "a;b", "c|d");
    }

    @Test
    void anUnclosedQuoteIsRefusedAtItsLineAndColumn() {
        ProgramArguments.Parsed parsed = ProgramArguments.parse("--a 1\n--name 'two words");
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.problem()).isEqualTo(new ProgramArguments.Problem(2, 8,
                "the single quote opened here is not closed"));
        assertThatThrownBy(() -> ProgramArguments.parse("\"x").orThrow()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Arguments: the double quote opened here is not closed (line 1, column 1)");
        assertThat(ProgramArguments.parse("x \\").problem().message()).contains("backslash at the end");
        assertThat(ProgramArguments.parse("a \u0007b").problem().message()).contains("U+0007");
    }

    @Test
    void limitsAreNamed() {
        String tooLong = "x".repeat(ProgramArguments.MAX_CHARS + 1);
        assertThat(ProgramArguments.parse(tooLong).problem().message()).contains("at most 10000 characters");
        String many = String.join(" ", Collections.nCopies(ProgramArguments.MAX_ARGUMENTS + 1, "a"));
        assertThat(ProgramArguments.parse(many).problem().message()).contains("at most 500 arguments");
        String enough = String.join(" ", Collections.nCopies(ProgramArguments.MAX_ARGUMENTS, "a"));
        assertThat(ProgramArguments.parse(enough).orThrow()).hasSize(ProgramArguments.MAX_ARGUMENTS);
    }

    @Test
    void formatReadsBackAsTheSameArguments() {
        List<String> args = List.of("--name", "two words", "it's", "", "a\"b", "$x", "--k=v");
        String line = ProgramArguments.format(args);
        assertThat(line).startsWith("--name 'two words' 'it'\\''s' ''");
        assertThat(ProgramArguments.parse(line).orThrow()).isEqualTo(args);
    }
}
