package io.streamdesk.model.sql.completion;

import io.streamdesk.model.metadata.MetadataColumn;
import io.streamdesk.model.metadata.MetadataSnapshot;
import io.streamdesk.model.metadata.MetadataTable;
import io.streamdesk.model.sql.SqlLexer.Kind;
import io.streamdesk.model.sql.SqlLexer.Token;
import io.streamdesk.model.sql.completion.Completion.Context;
import io.streamdesk.model.sql.completion.ScriptAnalysis.DdlTable;
import io.streamdesk.model.sql.completion.ScriptAnalysis.TableRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Completion of Flink SQL at a caret (E2): reads where the caret is with the lexer, then proposes what fits there from
 * the {@link CompletionIndex} and the script's own DDL, matched by prefix (case-insensitive) and ranked (see
 * {@link Ranking}), at most {@code limit} items.
 *
 * <ul>
 *   <li>after FROM, JOIN, INTO, TABLE: tables and views (the script's, then the catalog's by their own name, inserted
 *       qualified), catalogs; {@code cat.} its databases; {@code cat.db.} its tables;</li>
 *   <li>in a select list, WHERE, ON, GROUP BY, HAVING, ORDER BY: the columns of the statement's tables, the built-in
 *       functions, keywords; {@code alias.} or {@code table.} the columns of that table;</li>
 *   <li>inside {@code WITH ( ... )}: the option keys of the table's connector and formats (quoted), after
 *       {@code 'connector' =} the connectors, after {@code 'format' =} the formats;</li>
 *   <li>elsewhere keywords; nothing inside a comment, a quoted name or any other literal.</li>
 * </ul>
 *
 * Thread-safe: the index is immutable and the last script read is kept in a volatile field.
 */
public final class SqlCompleter {
    public static final int DEFAULT_LIMIT = 200;
    private static final Set<String> TABLE_BEFORE = Set.of("FROM", "JOIN", "INTO", "TABLE", "DESCRIBE", "DESC");
    private static final Set<String> EXPRESSION_CLAUSES = Set.of("SELECT", "WHERE", "ON", "BY", "HAVING", "WHEN",
            "THEN", "ELSE", "VALUES", "SET");
    private static final Set<String> FORMAT_KEYS = Set.of("format", "key.format", "value.format");

    private final CompletionIndex index;
    private volatile ScriptAnalysis last;

    public SqlCompleter(CompletionIndex index) {
        this.index = index;
    }

    public CompletionIndex index() {
        return index;
    }

    public Completion complete(String text, int caret) {
        return complete(text, caret, DEFAULT_LIMIT);
    }

    public Completion complete(String text, int caret, int limit) {
        if (caret < 0 || caret > text.length()) {
            throw new IllegalArgumentException("caret " + caret + " outside the text (0.." + text.length() + ")");
        }
        if (limit <= 0) {
            return Completion.none(caret);
        }
        ScriptAnalysis a = analysis(text);
        if (inComment(a, caret)) {
            return Completion.none(caret);
        }
        List<Token> tokens = a.tokens;
        int at = a.firstAtOrAfter(caret) - 1; // the lexeme that starts before the caret
        Token current = at >= 0 ? tokens.get(at) : null;
        String prefix = "";
        int replaceStart = caret;
        int replaceEnd = caret;
        int before = at; // the last lexeme before the prefix
        boolean inLiteral = false;
        if (current != null && caret <= current.end()) {
            boolean inside = caret < current.end() || unterminated(a, current);
            switch (current.kind()) {
                case WORD, KEYWORD -> {
                    prefix = text.substring(current.start(), caret);
                    replaceStart = current.start();
                    before = at - 1;
                }
                case STRING -> {
                    if (!inside) {
                        break;
                    }
                    inLiteral = true;
                    prefix = text.substring(current.start() + 1, caret).replace("''", "'");
                    replaceStart = current.start();
                    replaceEnd = caret < current.end() ? current.end() : caret;
                    before = at - 1;
                }
                case IDENTIFIER_QUOTED, NUMBER -> {
                    if (inside || current.kind() == Kind.NUMBER) {
                        return Completion.none(caret);
                    }
                }
                default -> {
                }
            }
        }
        int stmtStart = a.statementStart(before + 1);

        // inside WITH ( ... ): options, whatever else the statement says
        int withOpen = enclosingWithGroup(a, before, stmtStart);
        if (withOpen >= 0) {
            if (!inLiteral) {
                // an unquoted key being typed is read whole: rows-per-se, value.json.fa
                while (before > withOpen && isKeyPart(a, before)
                        && a.tokens.get(before).end() == replaceStart) {
                    replaceStart = a.tokens.get(before).start();
                    before--;
                }
                prefix = text.substring(replaceStart, caret);
            }
            Ranking ranking = new Ranking(prefix, limit);
            String p = NameList.lower(prefix);
            Context c = options(a, withOpen, before, at, inLiteral, p, ranking);
            return new Completion(replaceStart, replaceEnd, prefix, c, ranking.result());
        }
        if (inLiteral) {
            return Completion.none(caret);
        }
        Ranking ranking = new Ranking(prefix, limit);
        String p = NameList.lower(prefix);

        // qualifier: a.b. before the prefix
        List<String> qualifier = new ArrayList<>();
        int q = before;
        while (q >= stmtStart + 1 && a.isChar(q, '.') && a.isName(q - 1) && qualifier.size() < 3) {
            qualifier.add(0, a.name(q - 1));
            q -= 2;
        }
        int beforeName = q; // the lexeme before the whole (qualified) name
        Context context = clause(a, beforeName, stmtStart);
        int stmtEnd = a.statementEnd(Math.max(before + 1, stmtStart));
        Context result = switch (context) {
            case TABLE -> tables(a, qualifier, p, ranking);
            case EXPRESSION -> expression(a, stmtStart, stmtEnd, qualifier, p, ranking);
            case NONE -> Context.NONE;
            default -> {
                if (qualifier.isEmpty()) {
                    index.keywords.collect(p, ranking, 0);
                    yield Context.KEYWORD;
                }
                yield Context.NONE;
            }
        };
        List<CompletionItem> items = result == Context.NONE ? List.of() : caseLike(prefix, ranking.result());
        return new Completion(replaceStart, replaceEnd, prefix, result, items);
    }

    private static boolean isKeyPart(ScriptAnalysis a, int i) {
        return a.tokens.get(i).isWord() || a.isChar(i, '.') || a.isChar(i, '-');
    }

    private ScriptAnalysis analysis(String text) {
        ScriptAnalysis a = last;
        if (a == null || !a.text.equals(text)) {
            a = ScriptAnalysis.of(text);
            last = a;
        }
        return a;
    }

    // ---- where the caret is ----

    private static boolean inComment(ScriptAnalysis a, int caret) {
        List<Token> comments = a.comments;
        int lo = 0;
        int hi = comments.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (comments.get(mid).start() < caret) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            return false;
        }
        Token c = comments.get(lo - 1);
        if (caret < c.end()) {
            return true;
        }
        // at the end of a line comment, or of a block comment that was never closed
        return caret == c.end() && (c.isLineComment(a.text) || !a.text.startsWith("*/", c.end() - 2)
                || c.end() - c.start() < 4);
    }

    private static boolean unterminated(ScriptAnalysis a, Token t) {
        if (t.kind() != Kind.STRING && t.kind() != Kind.IDENTIFIER_QUOTED) {
            return false;
        }
        String s = t.text(a.text);
        if (s.length() < 2 || s.charAt(s.length() - 1) != s.charAt(0)) {
            return true;
        }
        // 'it''' is closed; 'it'' is not: count the quotes after the opening one
        int quotes = 0;
        for (int i = s.length() - 1; i > 0 && s.charAt(i) == s.charAt(0); i--) {
            quotes++;
        }
        return quotes % 2 == 0;
    }

    /** The '(' of {@code WITH (} that holds lexeme {@code before}, or -1. */
    private static int enclosingWithGroup(ScriptAnalysis a, int before, int stmtStart) {
        int depth = 0;
        for (int i = before; i >= stmtStart; i--) {
            if (a.isChar(i, ')')) {
                depth++;
            } else if (a.isChar(i, '(')) {
                if (depth == 0) {
                    return a.isWord(i - 1, "WITH") ? i : -1;
                }
                depth--;
            }
        }
        return -1;
    }

    /** What the clause around the caret asks for, looking back from lexeme {@code before}. */
    private static Context clause(ScriptAnalysis a, int before, int stmtStart) {
        if (before < stmtStart) {
            return Context.KEYWORD;
        }
        String prev = a.tokens.get(before).isWord() ? a.text(before).toUpperCase(Locale.ROOT) : null;
        if (prev != null && TABLE_BEFORE.contains(prev)) {
            if (prev.equals("TABLE") && createsTable(a, before, stmtStart)) {
                return Context.NONE; // a new name
            }
            return Context.TABLE;
        }
        int depth = 0;
        for (int i = before; i >= stmtStart; i--) {
            if (a.isChar(i, ')')) {
                depth++;
                continue;
            }
            if (a.isChar(i, '(')) {
                if (depth > 0) {
                    depth--;
                    continue;
                }
                // an open bracket around the caret: the columns of CREATE TABLE t ( ... ) want types
                if (isColumnList(a, i, stmtStart)) {
                    return Context.KEYWORD;
                }
                continue; // a function's arguments, a subquery, IN (...): the clause outside decides
            }
            if (depth > 0 || !a.tokens.get(i).isWord()) {
                continue;
            }
            String w = a.text(i).toUpperCase(Locale.ROOT);
            if (EXPRESSION_CLAUSES.contains(w)) {
                return Context.EXPRESSION;
            }
            if (w.equals("FROM") || w.equals("JOIN")) {
                // FROM a, | wants another table; FROM a | wants a keyword (WHERE, JOIN, AS)
                return a.isChar(before, ',') && w.equals("FROM") ? Context.TABLE : Context.KEYWORD;
            }
            if (w.equals("INTO") || w.equals("TABLE") || w.equals("CREATE")) {
                return Context.KEYWORD;
            }
        }
        return Context.KEYWORD;
    }

    private static boolean createsTable(ScriptAnalysis a, int table, int stmtStart) {
        for (int i = table - 1; i >= stmtStart && i >= table - 4; i--) {
            if (a.isWord(i, "CREATE")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isColumnList(ScriptAnalysis a, int open, int stmtStart) {
        int i = open - 1;
        while (i >= stmtStart + 1 && a.isName(i) && a.isChar(i - 1, '.')) {
            i -= 2;
        }
        return a.isName(i) && a.isWord(i - 1, "TABLE") && createsTable(a, i - 1, stmtStart);
    }

    // ---- candidates ----

    private Context tables(ScriptAnalysis a, List<String> qualifier, String p, Ranking ranking) {
        if (qualifier.isEmpty()) {
            for (DdlTable t : a.ddl) {
                if (NameList.lower(t.name()).startsWith(p)) {
                    ranking.offer(new CompletionItem(t.name(), t.written(), t.kind(), "in this script", 0), 0);
                }
            }
            index.tables.collect(p, ranking, 1);
            index.catalogs.collect(p, ranking, 2);
            return Context.TABLE;
        }
        if (qualifier.size() == 1) {
            String first = NameList.lower(qualifier.get(0));
            NameList dbs = index.databases.get(first);
            NameList inDefault = index.tablesByDatabase.get(NameList.lower(MetadataSnapshot.DEFAULT_CATALOG) + "." + first);
            if (dbs != null) {
                dbs.collect(p, ranking, 0);
            }
            if (inDefault != null) {
                inDefault.collect(p, ranking, 1);
            }
            return dbs != null ? Context.DATABASE : Context.TABLE;
        }
        if (qualifier.size() == 2) {
            NameList in = index.tablesByDatabase.get(NameList.lower(qualifier.get(0) + "." + qualifier.get(1)));
            if (in != null) {
                in.collect(p, ranking, 0);
            }
            return Context.TABLE;
        }
        return Context.NONE;
    }

    private Context expression(ScriptAnalysis a, int stmtStart, int stmtEnd, List<String> qualifier, String p,
                               Ranking ranking) {
        List<TableRef> refs = a.tableRefs(stmtStart, stmtEnd);
        if (!qualifier.isEmpty()) {
            if (qualifier.size() == 1) {
                String q = qualifier.get(0);
                for (TableRef r : refs) {
                    boolean byAlias = r.alias() != null && r.alias().equalsIgnoreCase(q);
                    boolean byName = r.alias() == null && r.parts().get(r.parts().size() - 1).equalsIgnoreCase(q);
                    if (byAlias || byName) {
                        offerColumns(columnsOf(a, r.parts(), 0), null, p, ranking, 0);
                        return Context.COLUMN;
                    }
                }
            }
            // cat.db.table. or a table that is not in FROM: its columns if it is known
            List<MetadataColumn> cols = columnsOf(a, qualifier, 0);
            if (!cols.isEmpty()) {
                offerColumns(cols, null, p, ranking, 0);
                return Context.COLUMN;
            }
            return tables(a, qualifier, p, ranking) == Context.NONE ? Context.NONE : Context.COLUMN;
        }
        boolean several = refs.size() > 1;
        for (TableRef r : refs) {
            String shown = several ? (r.alias() != null ? r.alias() : r.parts().get(r.parts().size() - 1)) : null;
            offerColumns(columnsOf(a, r.parts(), 0), shown, p, ranking, 0);
        }
        index.functions.collect(p, ranking, 1);
        index.keywords.collect(p, ranking, 2);
        return Context.EXPRESSION;
    }

    private static void offerColumns(List<MetadataColumn> columns, String table, String p, Ranking ranking, int rank) {
        for (MetadataColumn c : columns) {
            if (NameList.lower(c.name()).startsWith(p)) {
                String type = c.type() == null ? "" : c.type();
                ranking.offer(new CompletionItem(c.name(), c.name(), CompletionKind.COLUMN,
                        table == null ? type : type.isEmpty() ? table : type + " · " + table, 0), rank);
            }
        }
    }

    /** The columns of a table named by {@code parts}: the script's own DDL first, then the catalog. */
    private List<MetadataColumn> columnsOf(ScriptAnalysis a, List<String> parts, int depth) {
        if (parts.isEmpty() || depth > 4) {
            return List.of();
        }
        for (DdlTable t : a.ddl) {
            if (sameName(t.parts(), parts)) {
                if (t.starFrom().isEmpty()) {
                    return t.columns();
                }
                List<MetadataColumn> all = new ArrayList<>(t.columns());
                for (List<String> src : t.starFrom()) {
                    if (!sameName(src, parts)) {
                        all.addAll(columnsOf(a, src, depth + 1));
                    }
                }
                return all;
            }
        }
        MetadataTable t = switch (parts.size()) {
            case 1 -> index.table(MetadataSnapshot.DEFAULT_CATALOG, MetadataSnapshot.DEFAULT_DATABASE, parts.get(0));
            case 2 -> index.table(MetadataSnapshot.DEFAULT_CATALOG, parts.get(0), parts.get(1));
            case 3 -> index.table(parts.get(0), parts.get(1), parts.get(2));
            default -> null;
        };
        return t == null ? List.of() : t.columns();
    }

    /** {@code [t]} names {@code [cat, db, t]} and the other way round; otherwise all parts must match. */
    private static boolean sameName(List<String> written, List<String> asked) {
        if (written.size() == asked.size()) {
            for (int i = 0; i < written.size(); i++) {
                if (!written.get(i).equalsIgnoreCase(asked.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return written.get(written.size() - 1).equalsIgnoreCase(asked.get(asked.size() - 1))
                && (written.size() == 1 || asked.size() == 1);
    }

    /** Inside {@code WITH (}: keys at a key position, connectors or formats after their key's '='. */
    private Context options(ScriptAnalysis a, int open, int before, int at, boolean inLiteral, String p,
                            Ranking ranking) {
        int close = a.closing(open, a.statementEnd(open));
        // the options written so far in the group (the one at the caret apart)
        Set<String> written = new HashSet<>();
        String connector = null;
        List<String> formatPrefixes = new ArrayList<>();
        for (int i = open + 1; i < close; i++) {
            if (a.tokens.get(i).kind() == Kind.STRING && a.isChar(i + 1, '=') && i != at) {
                String key = a.literal(i);
                written.add(key);
                if (i + 2 < close && a.tokens.get(i + 2).kind() == Kind.STRING) {
                    String value = a.literal(i + 2);
                    if (key.equals("connector")) {
                        connector = value;
                    } else if (FORMAT_KEYS.contains(key)) {
                        String scope = key.substring(0, key.length() - "format".length());
                        formatPrefixes.add(scope + "\u0000" + value);
                    }
                }
            }
        }
        if (a.isChar(before, '=')) {
            if (before - 1 > open && a.tokens.get(before - 1).kind() == Kind.STRING) {
                String key = a.literal(before - 1);
                if (key.equals("connector")) {
                    index.connectors.collect(p, ranking, 0);
                } else if (FORMAT_KEYS.contains(key)) {
                    index.formats.collect(p, ranking, 0);
                }
            }
            return Context.OPTION_VALUE;
        }
        if (!(before == open || a.isChar(before, ','))) {
            return Context.NONE; // after a value, before the comma: nothing fits
        }
        if (!written.contains("connector")) {
            ranking.offer(new CompletionItem("connector", "'connector'", CompletionKind.OPTION, "required", 0), 0);
        }
        if (connector != null) {
            NameList keys = index.connectorOptions.get(connector);
            if (keys != null) {
                keys.collect(p, ranking, 1, item -> !written.contains(NameList.lower(item.label())));
            }
        }
        for (String fp : formatPrefixes) {
            String scope = fp.substring(0, fp.indexOf('\u0000'));
            String format = fp.substring(fp.indexOf('\u0000') + 1);
            NameList keys = index.formatOptions.get(format);
            if (keys == null) {
                continue;
            }
            // a format's keys are scoped by where it is used: value.json.fail-on-missing-field
            String scoped = NameList.lower(scope);
            if (!scoped.startsWith(p) && !p.startsWith(scoped)) {
                continue;
            }
            String rest = p.length() > scoped.length() ? p.substring(scoped.length()) : "";
            for (CompletionItem k : keys.all()) {
                String key = scope + k.label();
                if (NameList.lower(key).startsWith(p) && NameList.lower(k.label()).startsWith(rest)
                        && !written.contains(NameList.lower(key))) {
                    ranking.offer(new CompletionItem(key, "'" + key + "'", CompletionKind.OPTION, k.detail(), 0), 2);
                }
            }
        }
        return Context.OPTION_KEY;
    }

    /** Keywords and functions in the letter case the user types them: {@code sel} becomes {@code select}. */
    private static List<CompletionItem> caseLike(String prefix, List<CompletionItem> items) {
        boolean lower = !prefix.isEmpty() && prefix.equals(prefix.toLowerCase(Locale.ROOT))
                && !prefix.equals(prefix.toUpperCase(Locale.ROOT));
        if (!lower) {
            return items;
        }
        List<CompletionItem> out = new ArrayList<>(items.size());
        for (CompletionItem i : items) {
            if (i.kind() == CompletionKind.KEYWORD || i.kind() == CompletionKind.FUNCTION) {
                out.add(new CompletionItem(i.label(), i.insertText().toLowerCase(Locale.ROOT), i.kind(), i.detail(),
                        i.caretBack()));
            } else {
                out.add(i);
            }
        }
        return out;
    }
}
