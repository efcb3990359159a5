package io.streamdesk.service.secrets;

import io.streamdesk.model.sql.SqlLexer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * {@code ${secret:<id>}} references in a SQL script (S2), e.g. {@code 'password' = '${secret:sec-1a2b3c4d}'} in a
 * {@code WITH} clause. Only string literals count: a reference in a comment or an identifier is text, never resolved
 * (so a commented-out line cannot refuse a check, and a value can never be pasted outside quotes, where it would
 * become SQL).
 *
 * <p>Literals, comments and quoted identifiers are told apart by the one SQL lexer ({@link SqlLexer}), as the editor
 * and the statement splitter see them; the statement structure is Flink's business.
 */
public final class SqlSecretReferences {
    /** Digits parse as a number, a duration, a size or a string, so a placeholder passes Flink's option checks. */
    static final char PLACEHOLDER_FILL = '0';
    static final char PLACEHOLDER_LAST = '1';

    private SqlSecretReferences() {
    }

    /** A well-formed reference: {@code [start, end)} in the script, 1-based line and column of its start. */
    public record Reference(String id, int start, int end, int line, int column) {
        public String text() {
            return SecretRefs.OPEN + id + "}";
        }
    }

    /** A {@code ${secret:} that does not end in a valid id and a brace, at a 1-based line and column. */
    public record Malformed(int start, int line, int column) {
    }

    /** The references and malformed ones of a script, in text order. */
    public record Scan(List<Reference> references, List<Malformed> malformed) {
        public Scan {
            references = List.copyOf(references);
            malformed = List.copyOf(malformed);
        }

        public boolean isEmpty() {
            return references.isEmpty() && malformed.isEmpty();
        }
    }

    /** Finds the references inside the string literals of {@code sql}. */
    public static Scan scan(String sql) {
        List<Reference> refs = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        if (sql == null || sql.indexOf(SecretRefs.OPEN) < 0) {
            return new Scan(refs, malformed);
        }
        Lines lines = new Lines(sql);
        int n = sql.length();
        SqlLexer.Sink inStrings = (kind, start, end) -> {
            if (kind == SqlLexer.Kind.STRING) {
                // without its quotes; an unterminated literal runs to the end of the script
                int to = end - start >= 2 && sql.charAt(end - 1) == '\'' ? end - 1 : end;
                inLiteral(sql, start + 1, to, lines, refs, malformed);
            }
        };
        for (int i = 0; i < n; ) {
            i = SqlLexer.scan(sql, i, inStrings);
        }
        return new Scan(refs, malformed);
    }

    /**
     * The script with each reference replaced by a placeholder of the same length ({@code 00…01}), for a check or a
     * compile: no position or column changes, and the placeholder parses as most option types would.
     */
    public static String withPlaceholders(String sql) {
        Scan scan = scan(sql);
        if (scan.references().isEmpty()) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql);
        for (Reference r : scan.references()) {
            for (int i = r.start(); i < r.end() - 1; i++) {
                out.setCharAt(i, PLACEHOLDER_FILL);
            }
            out.setCharAt(r.end() - 1, PLACEHOLDER_LAST);
        }
        return out.toString();
    }

    /** The placeholder {@link #withPlaceholders} puts in for a reference of {@code length} characters. */
    static String placeholder(int length) {
        return String.valueOf(PLACEHOLDER_FILL).repeat(length - 1) + PLACEHOLDER_LAST;
    }

    /**
     * The script with every reference replaced by {@code valueOf(id)}, quotes doubled as a SQL string literal needs.
     * Malformed references are left as they are: callers refuse those first.
     */
    public static String resolve(String sql, Function<String, String> valueOf) {
        Scan scan = scan(sql);
        if (scan.references().isEmpty()) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 32);
        int last = 0;
        for (Reference r : scan.references()) {
            out.append(sql, last, r.start()).append(asLiteralText(valueOf.apply(r.id())));
            last = r.end();
        }
        return out.append(sql, last, sql.length()).toString();
    }

    /** {@code value} as it is written inside a SQL string literal. */
    static String asLiteralText(String value) {
        return value.replace("'", "''");
    }

    private static void inLiteral(String sql, int from, int to, Lines lines, List<Reference> refs,
                                  List<Malformed> malformed) {
        int at = sql.indexOf(SecretRefs.OPEN, from);
        while (at >= 0 && at < to) {
            Matcher m = SecretRefs.REF.matcher(sql).region(at, to);
            if (m.lookingAt()) {
                refs.add(new Reference(m.group(1), at, m.end(), lines.line(at), lines.column(at)));
                at = sql.indexOf(SecretRefs.OPEN, m.end());
            } else {
                malformed.add(new Malformed(at, lines.line(at), lines.column(at)));
                at = sql.indexOf(SecretRefs.OPEN, at + SecretRefs.OPEN.length());
            }
        }
    }

    /** Line and column of an offset, 1-based, with line starts found once. */
    private static final class Lines {
        private final int[] starts;

        Lines(String text) {
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    s.add(i + 1);
                }
            }
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        int line(int offset) {
            int lo = 0;
            int hi = starts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo + 1;
        }

        int column(int offset) {
            return offset - starts[line(offset) - 1] + 1;
        }
    }
}
