package io.streamdesk.flink.sql;

import io.streamdesk.service.port.SqlSubmitException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.FlinkUserCodeClassLoaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class loader a job's SQL is checked, compiled and submitted with (DP4): the job's own jars in a user-code class
 * loader whose parent is the app's class loader, made as Flink's client makes one (child-first with Flink's
 * parent-first patterns, {@code classloader.resolve-order} defaults), so the check sees exactly the connectors the
 * run will: Flink's own (datagen, print, blackhole, filesystem, csv, json) and the job's jars, nothing else. Without
 * jars it is the app's own.
 *
 * <p>Loaders are cached by the ordered jar set and the jars' SHA-256 (a changed file is a new loader), at most
 * {@link #MAX_CACHED}; an evicted loader is closed once it has not been handed out for {@link #CLOSE_GRACE_NANOS}
 * (a check or compile that got it just before the eviction still finishes with it). Thread-safe.
 */
final class JobClassLoaders {

    private static final Logger LOG = LoggerFactory.getLogger(JobClassLoaders.class);

    /** Distinct jar sets kept open at once; a desktop works on a handful of jobs at a time. */
    static final int MAX_CACHED = 8;
    /** Jars one job may have. */
    static final int MAX_JARS = 32;
    /** An evicted loader is closed when unused this long: far longer than a check or a compile takes. */
    static final long CLOSE_GRACE_NANOS = 120_000_000_000L;
    /** {@link #CLOSE_GRACE_NANOS}; tests shorten it. */
    static volatile long closeGraceNanos = CLOSE_GRACE_NANOS;

    private static final Object LOCK = new Object();
    /** Access-ordered: the eldest is the least recently used. Guarded by LOCK. */
    private static final LinkedHashMap<List<String>, Cached> CACHE = new LinkedHashMap<>(16, 0.75f, true);
    /** Evicted loaders waiting for their grace to pass. Guarded by LOCK. */
    private static final List<Cached> RETIRED = new ArrayList<>();
    /** SHA-256 per file state (path, size, modified time), so an unchanged jar is hashed once. Guarded by LOCK. */
    private static final LinkedHashMap<String, String> HASHES = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 4 * MAX_CACHED * 4;
        }
    };

    private static final class Cached {
        final URLClassLoader loader;
        final String description;
        volatile long lastUsed = System.nanoTime();

        Cached(URLClassLoader loader, String description) {
            this.loader = loader;
            this.description = description;
        }
    }

    private JobClassLoaders() {
    }

    static ClassLoader forJars(List<Path> jars) {
        if (jars.isEmpty()) {
            return JobClassLoaders.class.getClassLoader();
        }
        if (jars.size() > MAX_JARS) {
            throw new SqlSubmitException("The job has " + jars.size() + " jars; at most " + MAX_JARS + " are allowed", null);
        }
        List<String> key = new ArrayList<>();
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < jars.size(); i++) {
            Path jar = jars.get(i).toAbsolutePath().normalize();
            key.add(jar + "#" + sha256(jar));
            try {
                urls[i] = jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new SqlSubmitException("The job's jar " + jar + " has no URL: " + e.getMessage(), e);
            }
        }
        synchronized (LOCK) {
            closeRetired();
            Cached cached = CACHE.get(key);
            if (cached == null) {
                URLClassLoader loader = FlinkUserCodeClassLoaders.create(urls, JobClassLoaders.class.getClassLoader(),
                        new Configuration());
                cached = new Cached(loader, jars.size() + " jar(s): " + key);
                CACHE.put(key, cached);
                LOG.info("Class loader for {}", cached.description);
                evictBeyondLimit();
            }
            cached.lastUsed = System.nanoTime();
            return cached.loader;
        }
    }

    /** Loaders open now (cached and retired), for tests. */
    static int openLoaders() {
        synchronized (LOCK) {
            return CACHE.size() + RETIRED.size();
        }
    }

    /** Closes every loader (tests; the app's exit). */
    static void closeAll() {
        synchronized (LOCK) {
            RETIRED.addAll(CACHE.values());
            CACHE.clear();
            for (Cached c : RETIRED) {
                close(c);
            }
            RETIRED.clear();
        }
    }

    private static void evictBeyondLimit() {
        Iterator<Cached> eldest = CACHE.values().iterator();
        while (CACHE.size() > MAX_CACHED && eldest.hasNext()) {
            RETIRED.add(eldest.next());
            eldest.remove();
        }
    }

    private static void closeRetired() {
        long now = System.nanoTime();
        RETIRED.removeIf(c -> {
            if (now - c.lastUsed < closeGraceNanos) {
                return false;
            }
            close(c);
            return true;
        });
    }

    private static void close(Cached c) {
        try {
            c.loader.close();
            LOG.info("Closed the class loader for {}", c.description);
        } catch (IOException e) {
            LOG.warn("Closing the class loader for {} failed: {}", c.description, e.toString());
        }
    }

    /** The jar's SHA-256, hashed once per file state; a missing or unreadable jar is refused naming it. */
    private static String sha256(Path jar) {
        String state;
        try {
            if (!Files.isRegularFile(jar)) {
                throw new SqlSubmitException("The job's jar " + jar + " is missing (is the dependency file still in the"
                        + " data directory?)", null);
            }
            state = jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            throw new SqlSubmitException("The job's jar " + jar + " cannot be read: " + e.getMessage(), e);
        }
        synchronized (LOCK) {
            String known = HASHES.get(state);
            if (known != null) {
                return known;
            }
        }
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            synchronized (LOCK) {
                HASHES.put(state, hash);
            }
            return hash;
        } catch (IOException e) {
            throw new SqlSubmitException("The job's jar " + jar + " cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
