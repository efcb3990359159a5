package io.streamdesk;

import io.streamdesk.app.AppLauncher;
import io.streamdesk.app.CliLauncher;
import io.streamdesk.cli.ArgumentLine;

import java.util.Arrays;

/**
 * The jar's main class. It must not extend {@code Application} (JavaFX on the class path). {@code cli ...} runs
 * the command line, and so does every call of a launcher started with {@code -Dstreamdesk.launcher=cli} (the
 * installed {@code streamdesk} command, whose JVM options suit short runs); anything else starts the desktop app.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // exec:exec hands -Dsd.args over as one argument; a real shell has split it already
        String[] real = args.length == 1 ? ArgumentLine.split(args[0]).toArray(String[]::new)
                : Arrays.stream(args).filter(a -> !a.isBlank()).toArray(String[]::new);
        if ("cli".equals(System.getProperty("streamdesk.launcher"))) {
            boolean spelledOut = real.length > 0 && real[0].equals("cli");
            System.exit(CliLauncher.run(spelledOut ? Arrays.copyOfRange(real, 1, real.length) : real));
        }
        if (real.length > 0 && real[0].equals("cli")) {
            System.exit(CliLauncher.run(Arrays.copyOfRange(real, 1, real.length)));
        }
        System.exit(AppLauncher.run(real));
    }
}
