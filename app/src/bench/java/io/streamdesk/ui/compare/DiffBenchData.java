package io.streamdesk.ui.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Two 10,000-line Flink SQL scripts where about 5% of the lines differ, spread over the whole file: most are edits
 * inside a line (a changed number, a renamed column), some lines are added or removed. Deterministic (fixed seed).
 * {@code main(dir)} writes left.sql and right.sql for GNU diff.
 */
public final class DiffBenchData {
    public static final int LINES = 10_000;

    private DiffBenchData() {
    }

    public static String[] texts() {
        Random random = new Random(42);
        List<String> left = new ArrayList<>(LINES);
        for (int i = 0; i < LINES; i++) {
            left.add(line(i));
        }
        List<String> right = new ArrayList<>(LINES + 100);
        for (int i = 0; i < LINES; i++) {
            String l = left.get(i);
            // one line in 20 differs: 80% edited in place, 10% removed, 10% replaced by an added line after it
            if (i % 20 == 7) {
                int kind = random.nextInt(10);
                if (kind < 8) {
                    right.add(edit(l, random));
                } else if (kind == 8) {
                    continue;
                } else {
                    right.add(l);
                    right.add("  -- added in v2: check " + random.nextInt(1000));
                }
            } else {
                right.add(l);
            }
        }
        return new String[] {String.join("\n", left) + "\n", String.join("\n", right) + "\n"};
    }

    private static String line(int i) {
        return switch (i % 10) {
            case 0 -> "CREATE TABLE src_" + i + " (id BIGINT, amount DOUBLE, customer STRING, ts TIMESTAMP(3))";
            case 1 -> "  WITH ('connector' = 'datagen', 'rows-per-second' = '" + (i % 97) + "');";
            case 2 -> "INSERT INTO sink_" + (i / 10);
            case 3 -> "SELECT id, amount * " + (i % 13) + " AS scaled, UPPER(customer) AS name";
            case 4 -> "FROM src_" + (i - 4) + " AS s";
            case 5 -> "LEFT JOIN customers FOR SYSTEM_TIME AS OF s.ts AS c ON s.customer = c.id";
            case 6 -> "WHERE amount > " + (i % 500) + " AND customer IS NOT NULL";
            case 7 -> "  AND ts > TIMESTAMP '2024-01-01 00:00:00' -- window " + i;
            case 8 -> "GROUP BY id, amount, customer, TUMBLE(ts, INTERVAL '" + (i % 60 + 1) + "' MINUTE);";
            default -> "";
        };
    }

    private static String edit(String line, Random random) {
        int at = line.isEmpty() ? 0 : random.nextInt(line.length());
        return line.substring(0, at) + "x" + random.nextInt(100) + line.substring(at);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-diff");
        Files.createDirectories(dir);
        String[] t = texts();
        Files.writeString(dir.resolve("left.sql"), t[0]);
        Files.writeString(dir.resolve("right.sql"), t[1]);
    }
}
