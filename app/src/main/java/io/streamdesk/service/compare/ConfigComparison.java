package io.streamdesk.service.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The configuration keys that differ between two versions (V3), sorted by key, secrets masked. */
public record ConfigComparison(List<ConfigChange> changes, int unchanged) {

    public static ConfigComparison of(Map<String, String> left, Map<String, String> right) {
        TreeSet<String> keys = new TreeSet<>(left.keySet());
        keys.addAll(right.keySet());
        List<ConfigChange> changes = new ArrayList<>();
        int same = 0;
        for (String key : keys) {
            String before = left.get(key);
            String after = right.get(key);
            if (Objects.equals(before, after)) {
                same++;
                continue;
            }
            ConfigChange.Kind kind = before == null ? ConfigChange.Kind.ADDED
                    : after == null ? ConfigChange.Kind.REMOVED : ConfigChange.Kind.CHANGED;
            changes.add(new ConfigChange(key, kind, SecretKeys.shown(key, before), SecretKeys.shown(key, after),
                    SecretKeys.isSecret(key)));
        }
        return new ConfigComparison(List.copyOf(changes), same);
    }

    public boolean identical() {
        return changes.isEmpty();
    }
}
