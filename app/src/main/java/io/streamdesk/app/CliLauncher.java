package io.streamdesk.app;

import io.streamdesk.cli.CliMain;
import io.streamdesk.flink.sql.FlinkSqlChecker;
import io.streamdesk.service.secrets.SecretCheckingSqlChecker;
import io.streamdesk.store.DataDirectory;
import io.streamdesk.store.FileSecretStore;

/**
 * Runs {@code streamdesk cli ...}: the same services as the app over the same data directory. Running jobs are not
 * stopped when the command ends.
 */
public final class CliLauncher {
    private CliLauncher() {
    }

    /** {@code [--data-dir DIR] job run ...}: the command whose services {@link CliRunContext} provides. */
    static boolean isJobRun(String[] args) {
        java.util.List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < args.length && words.size() < 2; i++) {
            if (args[i].equals("--data-dir")) {
                i++; // its value
            } else if (!args[i].startsWith("-")) {
                words.add(args[i]);
            } else if (!args[i].startsWith("--data-dir=")) {
                return false; // --help, --version and the like: the full path prints them
            }
        }
        return words.equals(java.util.List.of("job", "run"));
    }

    public static int run(String[] args) {
        DataDirectory dirs = DataDirectory.resolve(StartupArguments.parse(args).dataDir(), System.getenv());
        System.setProperty("streamdesk.logDir", dirs.logs().toString());
        boolean jobRun = isJobRun(args);
        return CliMain.run(args,
                dataDir -> {
                    DataDirectory dir = DataDirectory.resolve(dataDir, System.getenv());
                    if (jobRun) { // issue 14: a run opens only what it needs when the schema is this build's
                        java.util.Optional<CliRunContext> lean = CliRunContext.open(dir, AppOptions.forCli());
                        if (lean.isPresent()) {
                            return lean.get();
                        }
                    }
                    return AppContext.open(dir, AppOptions.forCli());
                },
                // check-sql opens no database; the secret store only when the script has a ${secret:id}
                () -> new SecretCheckingSqlChecker(new FlinkSqlChecker(), () -> new FileSecretStore(dirs.root().resolve("secrets"))));
    }
}
