package io.streamdesk.service.jobconfig;

import io.streamdesk.model.JobConfig;
import io.streamdesk.model.JobResources;
import io.streamdesk.model.ParameterText;
import io.streamdesk.service.port.ConfigOptionCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a job configuration: YAML syntax with line numbers (P1), platform-owned keys (P2), size limits (S3),
 * max parallelism bounds against the largest operator parallelism (P4), the resource specs (P5), and the values of
 * keys Flink knows, read the way Flink reads them (line and column of the value). Pure apart from the option
 * catalog: the caller supplies what it knows about the job graph and the job's state.
 */
public final class ParameterValidator {
    private final ConfigOptionCatalog options;

    /** Without value checks (no option catalog). */
    public ParameterValidator() {
        this(ConfigOptionCatalog.none());
    }

    public ParameterValidator(ConfigOptionCatalog options) {
        this.options = options;
    }

    public static final int MAX_TEXT_CHARS = 65_536;
    public static final int MAX_LINES = 2_000;
    public static final int MAX_KEY_CHARS = 200;
    public static final int MAX_VALUE_CHARS = 4_000;
    public static final int MAX_PARALLELISM_LIMIT = 16_384;
    public static final int MAX_PARALLELISM_WARNING = 2_048;
    public static final String MAX_PARALLELISM_KEY = "pipeline.max-parallelism";

    /**
     * What is known about the job beyond its configuration.
     *
     * @param largestOperatorParallelism from the compiled job graph, or null to use the default parallelism
     * @param previousMaxParallelism     the max parallelism of the newest published version, or null
     * @param jobHasState                the job has a savepoint or checkpoint it may be restored from
     */
    public record Context(Integer largestOperatorParallelism, Integer previousMaxParallelism, boolean jobHasState) {
        public static Context none() {
            return new Context(null, null, false);
        }
    }

    public List<ConfigProblem> validate(JobConfig config, Context context) {
        List<ConfigProblem> problems = new ArrayList<>();
        String text = config.parameters();
        if (text.length() > MAX_TEXT_CHARS) {
            problems.add(ConfigProblem.error(0, "Parameters: at most " + MAX_TEXT_CHARS + " characters (got " + text.length() + ")."));
            return problems;
        }
        long lines = text.lines().count();
        if (lines > MAX_LINES) {
            problems.add(ConfigProblem.error(0, "Parameters: at most " + MAX_LINES + " lines (got " + lines + ")."));
            return problems;
        }
        ParameterText.Parsed parsed = ParameterText.parse(text);
        parsed.problems().forEach(p -> problems.add(ConfigProblem.error(p.line(), p.message())));
        for (Map.Entry<String, String> e : parsed.entries().entrySet()) {
            int line = parsed.lines().get(e.getKey());
            if (e.getKey().length() > MAX_KEY_CHARS) {
                problems.add(ConfigProblem.error(line, "keys have at most " + MAX_KEY_CHARS + " characters"));
            } else if (e.getValue().length() > MAX_VALUE_CHARS) {
                problems.add(ConfigProblem.error(line, "'" + e.getKey() + "' has a value of " + e.getValue().length()
                        + " characters; at most " + MAX_VALUE_CHARS));
            }
            Optional<String> refusal = PlatformOwnedKeys.refusal(e.getKey());
            refusal.ifPresent(m -> problems.add(ConfigProblem.error(line, m)));
            if (refusal.isEmpty() && e.getValue().length() <= MAX_VALUE_CHARS && !e.getKey().equals(MAX_PARALLELISM_KEY)) {
                options.invalidValue(e.getKey(), e.getValue()).ifPresent(m -> problems.add(
                        ConfigProblem.error(line, valueColumn(text, line), m)));
            }
        }
        validateResources(config.resources(), problems);
        int largest = context.largestOperatorParallelism() != null ? context.largestOperatorParallelism()
                : config.resources().parallelism();
        validateMaxParallelism(parsed, largest, context, problems);
        // in text order, as an editor lists them; problems without a line (resources) last
        problems.sort(java.util.Comparator.comparingInt((ConfigProblem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line()));
        return problems;
    }

    /** 1-based column where the value of a {@code key: value} line starts (its quote, if quoted). */
    static int valueColumn(String text, int line) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int nl = nextLineBreak(text, start);
            start = nl + (text.startsWith("\r\n", nl) ? 2 : 1);
        }
        int end = nextLineBreak(text, start);
        // keys cannot contain a colon: the first one ends the key
        int i = text.indexOf(':', start) + 1;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i - start + 1;
    }

    private static int nextLineBreak(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }

    private static void validateResources(JobResources r, List<ConfigProblem> problems) {
        if (!JobResources.SPECS.contains(r.jobManagerCu())) {
            problems.add(ConfigProblem.error(0, "Resources: the JobManager spec must be one of 0.25, 0.5, 1 or 2 CUs (got "
                    + JobResources.format(r.jobManagerCu()) + ")."));
        }
        if (!JobResources.SPECS.contains(r.taskManagerCu())) {
            problems.add(ConfigProblem.error(0, "Resources: the TaskManager spec must be one of 0.25, 0.5, 1 or 2 CUs (got "
                    + JobResources.format(r.taskManagerCu()) + ")."));
        }
        if (r.parallelism() < 1 || r.parallelism() > MAX_PARALLELISM_LIMIT) {
            problems.add(ConfigProblem.error(0, "Resources: the default parallelism must be between 1 and "
                    + MAX_PARALLELISM_LIMIT + " (got " + r.parallelism() + ")."));
        }
    }

    /** P4: at least the largest operator parallelism, at most 16384, a warning above 2048 and when raised with state. */
    private static void validateMaxParallelism(ParameterText.Parsed parsed, int largest, Context context,
                                               List<ConfigProblem> problems) {
        String raw = parsed.entries().get(MAX_PARALLELISM_KEY);
        if (raw == null) {
            return;
        }
        int line = parsed.lines().get(MAX_PARALLELISM_KEY);
        int max;
        try {
            max = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            problems.add(ConfigProblem.error(line, MAX_PARALLELISM_KEY + " must be a whole number (got '" + raw + "')"));
            return;
        }
        if (max > MAX_PARALLELISM_LIMIT) {
            problems.add(ConfigProblem.error(line, MAX_PARALLELISM_KEY + " is at most " + MAX_PARALLELISM_LIMIT + " (got " + max + ")"));
        } else if (max < largest) {
            problems.add(ConfigProblem.error(line, MAX_PARALLELISM_KEY + " " + max
                    + " is below the largest operator parallelism of the job (" + largest + "); raise it to at least " + largest));
        } else if (max > MAX_PARALLELISM_WARNING) {
            problems.add(ConfigProblem.warning(line, MAX_PARALLELISM_KEY + " above " + MAX_PARALLELISM_WARNING
                    + " makes state larger and checkpoints slower"));
        }
        Integer previous = context.previousMaxParallelism();
        if (context.jobHasState() && previous != null && max > previous && max <= MAX_PARALLELISM_LIMIT) {
            problems.add(ConfigProblem.warning(line, "raising " + MAX_PARALLELISM_KEY + " from " + previous + " to " + max
                    + ": the job's saved state cannot be restored; the new version must start fresh"));
        }
    }

    /** The max parallelism the parameters request, or null when they do not set it (or set it badly). */
    public static Integer requestedMaxParallelism(JobConfig config) {
        String raw = config.parameterEntries().get(MAX_PARALLELISM_KEY);
        try {
            return raw == null ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
