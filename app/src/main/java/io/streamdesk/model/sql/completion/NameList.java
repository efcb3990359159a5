package io.streamdesk.model.sql.completion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Items sorted by their lower-cased label, so that the items starting with a prefix are one contiguous range found by
 * binary search: a request costs a search plus the matches it hands on, whatever the size of the catalog.
 */
final class NameList {
    static final NameList EMPTY = new NameList(List.of());

    private final String[] keys;
    private final CompletionItem[] items;
    /** The items in the ranking's own order (shorter first, then alphabetical): what an empty prefix walks. */
    private final CompletionItem[] byRank;

    NameList(Collection<CompletionItem> source) {
        CompletionItem[] sorted = source.toArray(CompletionItem[]::new);
        Arrays.sort(sorted, Comparator.comparing((CompletionItem i) -> lower(i.label())).thenComparing(CompletionItem::label));
        this.items = sorted;
        this.keys = new String[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            keys[i] = lower(sorted[i].label());
        }
        this.byRank = sorted.clone();
        Arrays.sort(byRank, Comparator.comparingInt((CompletionItem i) -> i.label().length())
                .thenComparing(CompletionItem::label, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(CompletionItem::label)
                .thenComparing(CompletionItem::insertText));
    }

    int size() {
        return items.length;
    }

    /** Offers every item whose label starts with {@code prefixLower} (case-insensitively) to the ranking. */
    void collect(String prefixLower, Ranking ranking, int kindRank) {
        if (prefixLower.isEmpty()) {
            // every item matches alike: walk them best first and stop at the first the ranking has no room for
            for (CompletionItem item : byRank) {
                if (!ranking.offer(item, kindRank)) {
                    return;
                }
            }
            return;
        }
        int i = lowerBound(prefixLower);
        while (i < keys.length && keys[i].startsWith(prefixLower)) {
            ranking.offer(items[i], kindRank);
            i++;
        }
    }

    /** Offers the items that pass {@code filter} (for the few lists that are small anyway: options of a connector). */
    void collect(String prefixLower, Ranking ranking, int kindRank, java.util.function.Predicate<CompletionItem> filter) {
        int i = lowerBound(prefixLower);
        while (i < keys.length && keys[i].startsWith(prefixLower)) {
            if (filter.test(items[i])) {
                ranking.offer(items[i], kindRank);
            }
            i++;
        }
    }

    List<CompletionItem> all() {
        return new ArrayList<>(Arrays.asList(items));
    }

    private int lowerBound(String key) {
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid].compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
