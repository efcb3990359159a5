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

    public static int run(String[] args) {
        DataDirectory dirs = DataDirectory.resolve(StartupArguments.parse(args).dataDir(), System.getenv());
        System.setProperty("streamdesk.logDir", dirs.logs().toString());
        return CliMain.run(args,
                dataDir -> AppContext.open(DataDirectory.resolve(dataDir, System.getenv()), AppOptions.forCli()),
                // check-sql opens no database; the secret store only when the script has a ${secret:id}
                () -> new SecretCheckingSqlChecker(new FlinkSqlChecker(), () -> new FileSecretStore(dirs.root().resolve("secrets"))));
    }
}
