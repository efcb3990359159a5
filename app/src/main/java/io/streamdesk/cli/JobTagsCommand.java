package io.streamdesk.cli;

import io.streamdesk.model.JobId;
import io.streamdesk.service.InputRejectedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "tags", description = "Shows a job's tags (J2), or replaces them with the KEY=VALUE pairs given.")
final class JobTagsCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "ID", description = "Job ID")
    JobId id;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "The new tags (all of them)")
    List<String> pairs;

    JobTagsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, String> tags;
        if (pairs == null || pairs.isEmpty()) {
            tags = context.services().jobs().tags(id);
        } else {
            Map<String, String> wanted = new LinkedHashMap<>();
            for (String pair : pairs) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new InputRejectedException("Tags: \u201c" + pair + "\u201d is not KEY=VALUE.");
                }
                wanted.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            tags = context.services().jobs().setTags(id, wanted);
        }
        tags.forEach((k, v) -> context.out().println(k + "=" + v));
        return 0;
    }
}
