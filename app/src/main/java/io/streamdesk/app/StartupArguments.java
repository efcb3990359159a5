package io.streamdesk.app;

/** The few options read before anything else starts: {@code --data-dir DIR} or {@code --data-dir=DIR}. */
record StartupArguments(String dataDir) {

    static StartupArguments parse(String[] args) {
        String dataDir = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                dataDir = args[++i];
            } else if (args[i].startsWith("--data-dir=")) {
                dataDir = args[i].substring("--data-dir=".length());
            }
        }
        return new StartupArguments(dataDir);
    }
}
