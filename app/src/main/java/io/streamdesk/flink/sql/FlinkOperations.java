package io.streamdesk.flink.sql;

import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.StatementSetOperation;
import org.apache.flink.table.operations.UseOperation;
import org.apache.flink.table.operations.command.ResetOperation;
import org.apache.flink.table.operations.command.SetOperation;
import org.apache.flink.table.operations.ddl.AlterOperation;
import org.apache.flink.table.operations.ddl.CreateOperation;
import org.apache.flink.table.operations.ddl.DropOperation;

import java.util.List;

/** How the checker and the submitter treat the operations Flink's parser returns. */
final class FlinkOperations {

    private FlinkOperations() {
    }

    static List<Operation> parse(TableEnvironment tEnv, String statement) {
        return ((TableEnvironmentInternal) tEnv).getParser().parse(statement);
    }

    /** The INSERTs of a statement: itself, or the members of an EXECUTE STATEMENT SET block. */
    static List<ModifyOperation> inserts(Operation operation) {
        if (operation instanceof StatementSetOperation set) {
            return set.getOperations();
        }
        if (operation instanceof ModifyOperation modify) {
            return List.of(modify);
        }
        return List.of();
    }

    /**
     * Catalog and session statements (CREATE/DROP/ALTER, USE, SET/RESET) that change what later statements see.
     * Never true for anything that would start a job (INSERT, CREATE TABLE AS SELECT are modify operations).
     */
    static boolean isCatalogChange(Operation operation) {
        if (operation instanceof ModifyOperation) {
            return false;
        }
        return operation instanceof CreateOperation
                || operation instanceof DropOperation
                || operation instanceof AlterOperation
                || operation instanceof UseOperation
                || operation instanceof SetOperation
                || operation instanceof ResetOperation;
    }

    /** The key a script may not set: the table environment's mode is fixed when it is created (ADR 0010). */
    static final String RUNTIME_MODE_KEY = "execution.runtime-mode";

    /**
     * Why the check, the compile and the submit refuse a statement, or null: {@code SET 'execution.runtime-mode'}
     * cannot switch a table environment made in the other mode (Flink then fails the job at run time with
     * "Mismatch between configured runtime mode and actual runtime mode"), and the mode is the version's own
     * setting (J1, V1), not the script's.
     */
    static String refusal(Operation operation) {
        if (operation instanceof SetOperation set && set.getKey().map(String::strip).filter(RUNTIME_MODE_KEY::equals).isPresent()) {
            return "SET '" + RUNTIME_MODE_KEY + "' is not allowed in the script: the runtime mode is the job's own setting."
                    + " Remove this statement and choose Streaming or Batch under Configuration > Runtime mode"
                    + " (it applies to the check, the publish and the run alike).";
        }
        return null;
    }

    /** 1-based line and column of the runtime-mode key inside a statement's text (its start when not found). */
    static int[] runtimeModeKeyPosition(String statementText) {
        int at = Math.max(0, statementText.indexOf(RUNTIME_MODE_KEY));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (statementText.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, at - lineStart + 1};
    }

    /** Applies a catalog/session change; SET and RESET are client commands the table environment does not execute. */
    static void apply(TableEnvironment tEnv, Operation operation) {
        if (operation instanceof SetOperation set) {
            if (set.getKey().isPresent() && set.getValue().isPresent()) {
                tEnv.getConfig().set(set.getKey().get(), set.getValue().get());
            }
            return;
        }
        if (operation instanceof ResetOperation) {
            return; // resetting to defaults changes nothing a check or submit relies on
        }
        ((TableEnvironmentInternal) tEnv).executeInternal(operation);
    }
}
