package io.streamdesk.model.sql;

import io.streamdesk.model.SqlProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Variables in job SQL (M2, M6): {@code ${name}}, and {@code ${name}:default} which stands for {@code default} when no
 * variable {@code name} exists.
 *
 * <p>Where they count. Everywhere except in comments (read by the one {@link SqlLexer}, as the editor and the
 * statement splitter see them): in plain SQL ({@code LIMIT ${max_rows}}), in quoted names, and inside string
 * literals, because table options are string literals ({@code 'rows-per-second' = '${rate}'}). A value put into a
 * literal has its quotes doubled ({@code it's} becomes {@code 'it''s'}), into a quoted name its backticks or double
 * quotes, so a value can never end the literal it is in; in plain SQL the value is SQL, as the user wrote it.
 * {@code ${secret:<id>}} is the secret reference of S2 and is never a variable: it is left as it is, everywhere.
 *
 * <p>A default runs from the {@code :} right after the {@code }} up to the first blank, quote, {@code , ; ( ) [ ] { }}
 * or {@code $}: {@code '${servers}:localhost:9092'} has the default {@code localhost:9092}, and {@code '${host}:${port}'}
 * is two variables with a colon between them (a {@code :} followed by such a character is plain text). So
 * {@code '${host}:9092'} reads {@code 9092} as the default of {@code host}: put the whole address in one variable.
 *
 * <p>Refused, at the reference's line and column: a malformed reference (no closing brace, a name that is not letters,
 * digits and {@code _} starting with a letter, a name longer than {@value #MAX_NAME_LENGTH}); an unknown variable
 * without a default; any reference in the value of the {@code connector} or {@code version} option (M2: what a table
 * is must not change under a job); a secret variable outside a string literal (its value is a {@code ${secret:<id>}}
 * reference, resolved only inside literals, so the secret can never become SQL).
 *
 * <p>The result carries a {@link PositionMap} from the substituted text back to the script, so an error Flink reports
 * on the substituted text is shown where the user wrote it.
 */
public final class VariableSubstitution {
    public static final int MAX_NAME_LENGTH = 64;
    /** The longest value (and default) a variable may have. */
    public static final int MAX_VALUE_LENGTH = 4096;
    public static final String OPEN = "${";
    static final String SECRET_OPEN = "${secret:";
    /** Letters, digits and {@code _} (the separator), starting with a letter. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0," + (MAX_NAME_LENGTH - 1) + "}");
    private static final Pattern SECRET_REFERENCE = Pattern.compile("\\$\\{secret:[A-Za-z0-9_.-]{1,64}}");
    private static final Set<String> FIXED_OPTIONS = Set.of("connector", "version");

    private VariableSubstitution() {
    }

    /** Where a reference was written. */
    public enum Where { CODE, STRING, QUOTED_NAME }

    /**
     * A well-formed reference {@code [start, end)} (default included) at a 1-based line and column; {@code option} is
     * the key of the {@code WITH} option whose value holds it, lower case, or null.
     */
    public record Reference(String name, String defaultValue, int start, int end, int line, int column, Where where,
                            String option) {
        public boolean hasDefault() {
            return defaultValue != null;
        }
    }

    /** The references and the malformed or misplaced ones of a script, in text order. */
    public record Scan(List<Reference> references, List<SqlProblem> problems) {
        public Scan {
            references = List.copyOf(references);
            problems = List.copyOf(problems);
        }

        /** The distinct variable names the script refers to, in order of first use. */
        public Set<String> names() {
            Set<String> names = new LinkedHashSet<>();
            references.forEach(r -> names.add(r.name()));
            return names;
        }
    }

    /** The substituted text, the problems (text unchanged where one is) and the map back to the script. */
    public record Result(String text, List<SqlProblem> problems, PositionMap positions, List<Reference> references) {
        public Result {
            problems = List.copyOf(problems);
            references = List.copyOf(references);
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        /** The original script's 1-based {line, column} of a position in {@link #text()}. */
        public int[] originalPosition(int line, int column) {
            return positions.toOriginal(line, column);
        }

        /** The distinct variable names the script refers to, in order of first use. */
        public Set<String> names() {
            Set<String> names = new LinkedHashSet<>();
            references.forEach(r -> names.add(r.name()));
            return names;
        }
    }

    /** True when {@code value} is exactly one {@code ${secret:<id>}} reference (the value of a secret variable). */
    public static boolean isSecretReference(String value) {
        return value != null && SECRET_REFERENCE.matcher(value).matches();
    }

    /** Finds the references of {@code script} without substituting anything. */
    public static Scan scan(String script) {
        List<Reference> refs = new ArrayList<>();
        List<SqlProblem> problems = new ArrayList<>();
        if (script == null || !script.contains(OPEN)) {
            return new Scan(refs, problems);
        }
        TextPositions lines = new TextPositions(script);
        List<SqlLexer.Token> tokens = SqlLexer.tokenize(script);
        int codeFrom = 0;
        for (int t = 0; t < tokens.size(); t++) {
            SqlLexer.Token token = tokens.get(t);
            SqlLexer.Kind kind = token.kind();
            if (kind != SqlLexer.Kind.COMMENT && kind != SqlLexer.Kind.STRING && kind != SqlLexer.Kind.IDENTIFIER_QUOTED) {
                continue;
            }
            inRegion(script, codeFrom, token.start(), Where.CODE, null, lines, refs, problems);
            if (kind != SqlLexer.Kind.COMMENT) {
                char quote = script.charAt(token.start());
                int to = token.end() - token.start() >= 2 && script.charAt(token.end() - 1) == quote
                        ? token.end() - 1 : token.end();
                String option = kind == SqlLexer.Kind.STRING ? optionOf(script, tokens, t) : null;
                inRegion(script, token.start() + 1, to, kind == SqlLexer.Kind.STRING ? Where.STRING : Where.QUOTED_NAME,
                        option, lines, refs, problems);
            }
            codeFrom = token.end();
        }
        inRegion(script, codeFrom, script.length(), Where.CODE, null, lines, refs, problems);
        return new Scan(refs, problems);
    }

    /**
     * {@code script} with every reference replaced by its variable's value from {@code variables} (or its default).
     * Problems are reported at the script's line and column; a reference with a problem stays as written.
     */
    public static Result apply(String script, Map<String, String> variables) {
        if (script == null || !script.contains(OPEN)) {
            return new Result(script, List.of(), PositionMap.IDENTITY, List.of());
        }
        Scan scan = scan(script);
        List<SqlProblem> problems = new ArrayList<>(scan.problems());
        StringBuilder out = new StringBuilder(script.length() + 64);
        List<int[]> replacements = new ArrayList<>();
        int last = 0;
        for (Reference r : scan.references()) {
            String value = variables == null ? null : variables.get(r.name());
            String problem = problemOf(r, value);
            if (problem != null) {
                problems.add(new SqlProblem(r.line(), r.column(), problem));
                continue;
            }
            String text = value != null ? escaped(value, r, script) : r.defaultValue();
            out.append(script, last, r.start());
            int newStart = out.length();
            out.append(text);
            replacements.add(new int[] {r.start(), r.end(), newStart, out.length()});
            last = r.end();
        }
        out.append(script, last, script.length());
        problems.sort(Comparator.comparingInt(SqlProblem::line).thenComparingInt(SqlProblem::column));
        String text = out.toString();
        PositionMap map = replacements.isEmpty() ? PositionMap.IDENTITY : new PositionMap(script, text, replacements);
        return new Result(text, problems, map, scan.references());
    }

    private static String problemOf(Reference r, String value) {
        if (r.option() != null && FIXED_OPTIONS.contains(r.option())) {
            return "Variables are not allowed in the '" + r.option() + "' option (${" + r.name() + "}): what a table "
                    + "is must not change with a variable's value. Write the " + r.option() + " itself.";
        }
        if (value == null && !r.hasDefault()) {
            return "Unknown variable '" + r.name() + "': add it under Variables, or give a default (${" + r.name()
                    + "}:value).";
        }
        if (value != null && isSecretReference(value) && r.where() != Where.STRING) {
            return "Variable '" + r.name() + "' is a secret: use it only inside a quoted value ('${" + r.name()
                    + "}'), never as SQL.";
        }
        return null;
    }

    private static String escaped(String value, Reference r, String script) {
        return switch (r.where()) {
            case STRING -> value.replace("'", "''");
            case QUOTED_NAME -> {
                String quote = String.valueOf(quoteBefore(script, r.start()));
                yield value.replace(quote, quote + quote);
            }
            case CODE -> value;
        };
    }

    /** The quote that opened the quoted name holding {@code offset}: the lexer has told us it is one. */
    private static char quoteBefore(String script, int offset) {
        for (int i = offset - 1; i >= 0; i--) {
            char c = script.charAt(i);
            if (c == '`' || c == '"') {
                return c;
            }
        }
        return '`';
    }

    /**
     * The option key of a string literal that is an option's value: the literal before {@code =} before it
     * ({@code 'connector' = '...'}), comments between them skipped.
     */
    private static String optionOf(String script, List<SqlLexer.Token> tokens, int t) {
        int i = previousSignificant(tokens, t - 1);
        if (i < 0 || tokens.get(i).kind() != SqlLexer.Kind.OTHER || script.charAt(tokens.get(i).start()) != '=') {
            return null;
        }
        int k = previousSignificant(tokens, i - 1);
        if (k < 0 || tokens.get(k).kind() != SqlLexer.Kind.STRING) {
            return null;
        }
        SqlLexer.Token key = tokens.get(k);
        if (key.end() - key.start() < 2) {
            return null;
        }
        return script.substring(key.start() + 1, key.end() - 1).replace("''", "'").strip().toLowerCase(Locale.ROOT);
    }

    private static int previousSignificant(List<SqlLexer.Token> tokens, int from) {
        int i = from;
        while (i >= 0 && tokens.get(i).kind() == SqlLexer.Kind.COMMENT) {
            i--;
        }
        return i;
    }

    private static void inRegion(String script, int from, int to, Where where, String option, TextPositions lines,
                                 List<Reference> refs, List<SqlProblem> problems) {
        int at = from < to ? script.indexOf(OPEN, from) : -1;
        while (at >= 0 && at + 1 < to) {
            if (script.startsWith(SECRET_OPEN, at)) {
                at = script.indexOf(OPEN, at + SECRET_OPEN.length());
                continue;
            }
            int nameFrom = at + OPEN.length();
            int i = nameFrom;
            while (i < to && isNamePart(script.charAt(i))) {
                i++;
            }
            String name = script.substring(nameFrom, i);
            if (i >= to || script.charAt(i) != '}' || !NAME.matcher(name).matches()) {
                problems.add(new SqlProblem(lines.line(at), lines.column(at), malformed(name, i < to
                        && script.charAt(i) == '}')));
                at = script.indexOf(OPEN, at + OPEN.length());
                continue;
            }
            int end = i + 1;
            String defaultValue = null;
            if (end + 1 < to && script.charAt(end) == ':' && isDefaultPart(script.charAt(end + 1))) {
                int d = end + 1;
                while (d < to && isDefaultPart(script.charAt(d))) {
                    d++;
                }
                if (d - (end + 1) > MAX_VALUE_LENGTH) {
                    problems.add(new SqlProblem(lines.line(at), lines.column(at), "The default of ${" + name
                            + "} is longer than " + MAX_VALUE_LENGTH + " characters."));
                    at = script.indexOf(OPEN, d);
                    continue;
                }
                defaultValue = script.substring(end + 1, d);
                end = d;
            }
            refs.add(new Reference(name, defaultValue, at, end, lines.line(at), lines.column(at), where, option));
            at = script.indexOf(OPEN, end);
        }
    }

    private static String malformed(String name, boolean closed) {
        String fix = "write ${name} or ${name}:default, with a name of letters, digits and '_' that starts with a "
                + "letter (at most " + MAX_NAME_LENGTH + " characters)";
        if (!closed) {
            return "Malformed variable reference: no closing '}' after '${" + abbreviate(name) + "'; " + fix + ".";
        }
        return "Malformed variable reference '${" + abbreviate(name) + "}': " + fix + ".";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static boolean isNamePart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isDefaultPart(char c) {
        return !Character.isWhitespace(c) && "'\"`,;()[]{}$".indexOf(c) < 0;
    }

    /**
     * From offsets (and lines and columns) of the substituted text back to the script: text outside a replacement
     * maps to where it was; text inside a replaced value maps to the start of the reference it replaced.
     */
    public static final class PositionMap {
        public static final PositionMap IDENTITY = new PositionMap();

        private final int[] originalStart;
        private final int[] originalEnd;
        private final int[] newStart;
        private final int[] newEnd;
        private final TextPositions original;
        private final TextPositions substituted;

        private PositionMap() {
            originalStart = originalEnd = newStart = newEnd = new int[0];
            original = substituted = null;
        }

        PositionMap(String script, String text, List<int[]> replacements) {
            int n = replacements.size();
            originalStart = new int[n];
            originalEnd = new int[n];
            newStart = new int[n];
            newEnd = new int[n];
            for (int i = 0; i < n; i++) {
                int[] r = replacements.get(i);
                originalStart[i] = r[0];
                originalEnd[i] = r[1];
                newStart[i] = r[2];
                newEnd[i] = r[3];
            }
            original = new TextPositions(script);
            substituted = new TextPositions(text);
        }

        public boolean isIdentity() {
            return original == null;
        }

        /** The script offset of an offset of the substituted text. */
        public int toOriginalOffset(int offset) {
            int lo = 0;
            int hi = newStart.length - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (newStart[mid] <= offset) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (found < 0) {
                return offset;
            }
            if (offset < newEnd[found]) {
                return originalStart[found];
            }
            return originalEnd[found] + (offset - newEnd[found]);
        }

        /** The script's 1-based {line, column} of a 1-based line and column of the substituted text. */
        public int[] toOriginal(int line, int column) {
            if (isIdentity()) {
                return new int[] {line, column};
            }
            int offset = toOriginalOffset(substituted.offset(line, column));
            return new int[] {original.line(offset), original.column(offset)};
        }

        /** {@code problem} moved to where its text is in the script. */
        public SqlProblem toOriginal(SqlProblem problem) {
            int[] at = toOriginal(problem.line(), problem.column());
            return at[0] == problem.line() && at[1] == problem.column() ? problem
                    : new SqlProblem(at[0], at[1], problem.message());
        }
    }
}
