package io.streamdesk.store;

import io.streamdesk.model.Draft;
import io.streamdesk.model.JobId;
import io.streamdesk.model.JobVersion;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * The child process of {@link CrashSafetyTest}: writes drafts and versions as fast as it can and reports each
 * write on stdout. {@code TRY} is printed before a write, {@code ACK} only after the store returned (committed):
 * <pre>
 * TRY job cql-xxxxxxxx          ACK job cql-xxxxxxxx
 * TRY draft cql-xxxxxxxx &lt;sha&gt;   ACK draft cql-xxxxxxxx &lt;revision&gt; &lt;sha&gt;
 * TRY version cql-xxxxxxxx &lt;sha&gt; ACK version cql-xxxxxxxx &lt;number&gt; &lt;sha&gt;
 * </pre>
 * The parent kills it with SIGKILL at a random moment. Arguments: database directory, random seed, and optionally a
 * number of writes after which it exits normally (used to record a class-data-sharing archive).
 */
public final class CrashWorkload {
    /** Ends on its own if the parent never kills it (a crashed test must not leave a process behind). */
    private static final long MAX_RUN_MS = 60_000;

    private CrashWorkload() {
    }

    public static void main(String[] args) {
        Path dbDir = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        long deadline = System.currentTimeMillis() + MAX_RUN_MS;
        long maxWrites = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        Database db = Database.open(dbDir); // never closed: the parent kills the process
        HibernateJobStore jobs = new HibernateJobStore(db);
        HibernateVersionStore versions = new HibernateVersionStore(db);

        JobId id = JobId.generate(random);
        report(out, "TRY job " + id);
        jobs.create(TestJobs.newJob(id, "crash " + id, java.time.Instant.now()));
        report(out, "ACK job " + id);

        for (int i = 1; i <= maxWrites && System.currentTimeMillis() < deadline; i++) {
            String sql = randomSql(random, i);
            String sha = sha256(sql);
            if (i % 3 == 0) {
                report(out, "TRY version " + id + " " + sha);
                JobVersion v = versions.publish(id, sql, "crash test version " + i, "crash-workload");
                report(out, "ACK version " + id + " " + v.number() + " " + sha);
            } else {
                report(out, "TRY draft " + id + " " + sha);
                Draft d = jobs.saveDraft(id, sql);
                report(out, "ACK draft " + id + " " + d.revision() + " " + sha);
            }
        }
        db.close();
        System.exit(maxWrites == Long.MAX_VALUE ? 3 : 0);
    }

    private static void report(PrintStream out, String line) {
        out.println(line);
        out.flush();
    }

    /** SQL of varied size, so both in-row and separately stored CLOBs are exercised, with non-ASCII text. */
    static String randomSql(Random random, int i) {
        StringBuilder sb = new StringBuilder("-- write ").append(i).append(" café ☕ ").append(random.nextLong()).append('\n');
        sb.append("INSERT INTO sink SELECT id, name FROM source WHERE id > ").append(random.nextInt(1000));
        int padding = random.nextInt(4) == 0 ? random.nextInt(20_000) : random.nextInt(200);
        for (int p = 0; p < padding; p++) {
            sb.append((char) ('a' + random.nextInt(26)));
            if (p % 80 == 79) {
                sb.append('\n');
            }
        }
        return sb.append(";\n").toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
