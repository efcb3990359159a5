package io.streamdesk.ui.fake;

import io.streamdesk.model.SqlProblem;
import io.streamdesk.service.port.SqlChecker;
import java.util.ArrayList;
import java.util.List;

/** Flags every {@code SELEC } (a typo of SELECT) at its line and column, like Flink's parser would. */
public final class FakeSqlChecker implements SqlChecker {

    @Override
    public List<SqlProblem> check(String script) {
        List<SqlProblem> problems = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf("SELEC ");
            if (at >= 0) {
                problems.add(new SqlProblem(i + 1, at + 1, "Non-query expression encountered in illegal context"));
            }
        }
        return problems;
    }

    @Override
    public void warmUp() {
    }
}
