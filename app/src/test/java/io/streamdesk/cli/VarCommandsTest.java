package io.streamdesk.cli;

import io.streamdesk.model.variable.Variable;
import io.streamdesk.testing.FakeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code var list}, {@code var set NAME VALUE [--secret]}, {@code var remove NAME} over the real variable service. */
class VarCommandsTest {
    @TempDir
    Path dir;

    @Test
    void setListAndRemoveWithSecretsMasked() {
        FakeServices services = new FakeServices(dir);
        CliRunner cli = new CliRunner(() -> services);

        assertThat(cli.run("var", "set", "rate", "5", "-d", "rows per second").out()).contains("Added rate.");
        assertThat(cli.run("var", "set", "rate", "7").out()).contains("Changed rate.");
        assertThat(services.variables().find("rate").map(Variable::description)).contains("rows per second");
        assertThat(cli.run("var", "set", "db_password", "hunter2", "--secret").exitCode()).isZero();

        CliRunner.Result list = cli.run("var", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("rate").contains("7").contains("db_password").contains("••••••")
                .doesNotContain("hunter2");

        CliRunner.Result bad = cli.run("var", "set", "kafka-servers", "x");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("letters, digits and '_'");

        assertThat(cli.run("var", "remove", "rate").out()).contains("Removed rate.");
        CliRunner.Result again = cli.run("var", "remove", "rate");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("No variable named 'rate'");
        assertThat(services.variables().list()).extracting(Variable::name).containsExactly("db_password");
    }

    @Test
    void checkSqlResolvesVariablesWithTheirValues() throws Exception {
        FakeServices services = new FakeServices(dir);
        CliRunner cli = new CliRunner(() -> services);
        Path sql = java.nio.file.Files.writeString(dir.resolve("job.sql"), "SELECT 1;\nINSERT INTO s SELECT ${rate};\n");
        CliRunner.Result unknown = cli.run("check-sql", sql.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.out()).contains("2:22: Unknown variable 'rate'");
        cli.run("var", "set", "rate", "5");
        CliRunner.Result ok = cli.run("check-sql", sql.toString());
        assertThat(ok.exitCode()).as(ok.out()).isZero();
    }
}
