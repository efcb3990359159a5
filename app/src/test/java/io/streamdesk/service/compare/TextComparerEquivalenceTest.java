package io.streamdesk.service.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 made the comparison faster (line splitting by {@code indexOf}, an int table for line ids, a cheap test
 * before the secret-masking regex). This checks that its results are exactly those of the implementation before it
 * ({@link ReferenceTextComparer}, kept in the tests): rows, inline ranges, blocks, moves, counts and notes, on random
 * pairs of texts built to hit every path (repeated and blank lines, moves, CRLF and lone CR, trailing blanks,
 * secret options, very long lines, no final line break).
 */
class TextComparerEquivalenceTest {
    private static final String[] VOCABULARY = {
        "CREATE TABLE src (id BIGINT, v STRING) WITH ('connector' = 'datagen');",
        "  'password' = 'hunter2',",
        "  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required;'",
        "  'access.key' = '${secret:abc}', 'api-key' = 'k1'",
        "  'primary key' = 'x', 'Token' = 'T'",
        "SELECT id, UPPER(v) AS name FROM src WHERE id > 10;",
        "INSERT INTO sink SELECT * FROM src;",
        "-- a comment",
        "",
        "   ",
        "END;",
        "  'K\u212Aey' = 'kelvin'",
    };

    @Test
    void randomPairsCompareExactlyAsBefore() {
        Random random = new Random(14);
        for (int round = 0; round < 400; round++) {
            List<String> left = randomLines(random, random.nextInt(60));
            List<String> right = edit(left, random);
            String l = join(left, random);
            String r = join(right, random);
            for (boolean ignore : new boolean[] {false, true}) {
                CompareOptions options = new CompareOptions(ignore);
                TextComparison expected = new ReferenceTextComparer(options).apply(l, r);
                TextComparison actual = new TextComparer(options).apply(l, r);
                assertThat(actual).as("round %d, ignore trailing %s:\n%s\n---\n%s", round, ignore, l, r)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aLargeScriptWithSpreadOutEditsComparesExactlyAsBefore() {
        Random random = new Random(5);
        List<String> left = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            left.add(i % 7 == 3 ? "" : "SELECT c" + (i % 300) + " FROM t WHERE x = " + (i % 41) + ";");
        }
        List<String> right = new ArrayList<>(left);
        for (int i = 0; i < 250; i++) {
            int at = random.nextInt(right.size());
            switch (random.nextInt(3)) {
                case 0 -> right.set(at, right.get(at) + " -- changed " + i);
                case 1 -> right.remove(at);
                default -> right.add(at, "  'secret' = 'v" + i + "'");
            }
        }
        String l = String.join("\n", left) + "\n";
        String r = String.join("\n", right) + "\n";
        TextComparison expected = new ReferenceTextComparer(CompareOptions.defaults()).apply(l, r);
        TextComparison actual = TextComparer.compare(l, r);
        assertThat(actual.changeCount()).isGreaterThan(100);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void theSecretPreCheckNeverSkipsALineTheRegexWouldMask() {
        Random random = new Random(3);
        String alphabet = "'= aAkKeEyYpPsSwWdDtToOnNcCrRjJ-._\u212A\u0130";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder("'");
            int length = 1 + random.nextInt(14);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String line = sb.append("' = 'v'").toString();
            String key = line.substring(1, line.indexOf("' = 'v'"));
            if (SecretKeys.isSecret(key)) {
                assertThat(SecretKeys.mayNameSecret(line)).as(line).isTrue();
            }
        }
        assertThat(SecretKeys.maskSqlLine("'db.PassWord' = 'x'")).isEqualTo("'db.PassWord' = '" + SecretKeys.MASK + "'");
        assertThat(SecretKeys.mayNameSecret("'connector' = 'datagen', 'rows-per-second' = '5'")).isFalse();
    }

    private static List<String> randomLines(Random random, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(randomLine(random));
        }
        return out;
    }

    private static String randomLine(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "x".repeat(random.nextInt(3) == 0 ? 2_500 : 30) + random.nextInt(5);
            case 1 -> VOCABULARY[random.nextInt(VOCABULARY.length)] + (random.nextBoolean() ? "  " : "\t");
            default -> VOCABULARY[random.nextInt(VOCABULARY.length)];
        };
    }

    private static List<String> edit(List<String> left, Random random) {
        List<String> right = new ArrayList<>(left);
        int edits = random.nextInt(8);
        for (int e = 0; e < edits; e++) {
            int at = right.isEmpty() ? 0 : random.nextInt(right.size());
            switch (random.nextInt(5)) {
                case 0 -> right.add(at, randomLine(random));
                case 1 -> {
                    if (!right.isEmpty()) {
                        right.remove(at);
                    }
                }
                case 2 -> {
                    if (!right.isEmpty()) {
                        String s = right.get(at);
                        int p = s.isEmpty() ? 0 : random.nextInt(s.length());
                        right.set(at, s.substring(0, p) + "z" + random.nextInt(9) + s.substring(p));
                    }
                }
                case 3 -> {
                    // move a block
                    if (right.size() > 4) {
                        int from = random.nextInt(right.size() - 3);
                        List<String> block = new ArrayList<>(right.subList(from, from + 3));
                        right.subList(from, from + 3).clear();
                        right.addAll(random.nextInt(right.size() + 1), block);
                    }
                }
                default -> {
                    if (!right.isEmpty()) {
                        right.set(at, right.get(at) + " ");
                    }
                }
            }
        }
        return right;
    }

    private static String join(List<String> lines, Random random) {
        String separator = switch (random.nextInt(6)) {
            case 0 -> "\r\n";
            case 1 -> "\r";
            default -> "\n";
        };
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(lines.get(i));
            if (i < lines.size() - 1 || random.nextBoolean()) {
                // now and then a mixed ending
                sb.append(random.nextInt(10) == 0 ? "\n" : separator);
            }
        }
        return sb.toString();
    }
}
