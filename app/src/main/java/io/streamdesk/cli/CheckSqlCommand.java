package io.streamdesk.cli;

import io.streamdesk.model.SqlProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check-sql", description = {
        "Checks a Flink SQL script with Flink's parser.",
        "Exit 0 when valid; otherwise exit 1 and one 'line:column: message' line per error."})
final class CheckSqlCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "FILE", description = "SQL file (UTF-8, at most 1 MiB)")
    Path file;

    CheckSqlCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String sql = SqlFileReader.read(file);
        // a script with variables is checked with their values (M6), which live in the data directory's database
        boolean usesVariables = !io.streamdesk.model.sql.VariableSubstitution.scan(sql).references().isEmpty();
        List<SqlProblem> problems = usesVariables ? context.services().jobs().check(sql) : context.checker().check(sql);
        if (problems.isEmpty()) {
            context.out().println(file + ": OK");
            return 0;
        }
        for (SqlProblem problem : problems) {
            context.out().println(problem.format());
        }
        return 1;
    }
}
