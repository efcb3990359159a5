package io.streamdesk.store;

import io.streamdesk.service.port.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * One app instance per data directory (D3). The first instance holds an OS file lock on
 * {@code instance.lock} and listens on a loopback port (written to {@code instance.port}); a later start
 * fails to take the lock, asks the first one to show its window and exits.
 * <p>
 * The OS drops the file lock when the holder dies, even on kill -9, so a stale lock file never blocks a start.
 */
public final class InstanceLock implements AutoCloseable {

    static final String LOCK_FILE = "instance.lock";
    static final String PORT_FILE = "instance.port";
    static final String SHOW = "SHOW";
    static final String OK = "OK";
    private static final int IO_TIMEOUT_MS = 2000;
    /** How long a second start waits for the first one to publish its port (it may be starting right now). */
    private static final long PORT_WAIT_MS = 3000;

    /** What {@link #acquire} returns: {@link Acquired} or {@link AlreadyRunning}. */
    public sealed interface Result permits Acquired, AlreadyRunning {
    }

    /** This process now owns the data directory; close the lock on exit. */
    public record Acquired(InstanceLock lock) implements Result {
    }

    /**
     * Another instance holds the data directory.
     *
     * @param notified whether that instance confirmed it received the request to show its window
     * @param message  a sentence for the user
     */
    public record AlreadyRunning(boolean notified, String message) implements Result {
    }

    private final Path dataDir;
    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;
    private final Runnable onShowRequest;
    private volatile boolean closed;

    private InstanceLock(Path dataDir, FileChannel channel, FileLock lock, ServerSocket server, Runnable onShowRequest) {
        this.dataDir = dataDir;
        this.channel = channel;
        this.lock = lock;
        this.server = server;
        this.onShowRequest = onShowRequest;
    }

    /**
     * Takes the instance lock of {@code dataDir}, or, when another instance holds it, asks that instance to
     * bring its window forward.
     *
     * @param onShowRequest called on a listener thread (not the FX thread) when a later start asks for the window
     */
    public static Result acquire(Path dataDir, Runnable onShowRequest) {
        Objects.requireNonNull(onShowRequest, "onShowRequest");
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                return askRunningInstanceToShow(dataDir);
            }
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            InstanceLock instance = new InstanceLock(dataDir, channel, lock, server, onShowRequest);
            instance.writePortFile();
            instance.startListening();
            return new Acquired(instance);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("Cannot take the instance lock in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The loopback port this instance listens on for show requests. */
    public int port() {
        return server.getLocalPort();
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // This JVM already holds it (another acquire on the same directory).
            return null;
        }
    }

    private void writePortFile() throws IOException {
        // Write then move, so a reader never sees a half-written number.
        Path tmp = dataDir.resolve(PORT_FILE + ".tmp");
        Files.writeString(tmp, Integer.toString(port()), StandardCharsets.US_ASCII);
        Files.move(tmp, dataDir.resolve(PORT_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void startListening() {
        Thread listener = new Thread(this::acceptLoop, "instance-lock-listener");
        listener.setDaemon(true);
        listener.start();
    }

    private void acceptLoop() {
        while (!closed) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(IO_TIMEOUT_MS);
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                String line = in.readLine();
                if (SHOW.equals(line)) {
                    Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
                    out.write(OK + "\n");
                    out.flush();
                    runCallback();
                }
            } catch (IOException e) {
                if (!closed) {
                    log().debug("Ignoring a broken show request: {}", e.toString());
                }
            }
        }
    }

    private void runCallback() {
        try {
            onShowRequest.run();
        } catch (RuntimeException e) {
            log().warn("The show-window callback failed", e);
        }
    }

    private static AlreadyRunning askRunningInstanceToShow(Path dataDir) {
        String base = "StreamDesk is already running with the data directory " + dataDir;
        Integer port = readPort(dataDir);
        if (port == null) {
            return new AlreadyRunning(false, base + " (it did not publish its port; is it still starting?)");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), IO_TIMEOUT_MS);
            socket.setSoTimeout(IO_TIMEOUT_MS);
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            out.write(SHOW + "\n");
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            if (OK.equals(reply)) {
                return new AlreadyRunning(true, base + "; its window was brought forward.");
            }
            return new AlreadyRunning(false, base + " but it did not answer the request to show its window.");
        } catch (IOException e) {
            return new AlreadyRunning(false, base + " but it could not be reached: " + e.getMessage());
        }
    }

    private static Integer readPort(Path dataDir) {
        long deadline = System.nanoTime() + PORT_WAIT_MS * 1_000_000;
        while (true) {
            try {
                return Integer.valueOf(Files.readString(dataDir.resolve(PORT_FILE), StandardCharsets.US_ASCII).trim());
            } catch (NoSuchFileException | NumberFormatException e) {
                if (System.nanoTime() > deadline) {
                    return null;
                }
                sleep(50);
            } catch (IOException e) {
                return null;
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening and releases the lock. The lock file stays: deleting a lockable file invites races. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(server);
        try {
            Files.deleteIfExists(dataDir.resolve(PORT_FILE));
        } catch (IOException e) {
            log().debug("Could not delete {}: {}", PORT_FILE, e.toString());
        }
        try {
            lock.release();
        } catch (IOException e) {
            log().debug("Could not release the instance lock: {}", e.toString());
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // closing on a failure path or at shutdown: nothing useful to do
        }
    }

    /** Not a static field: the first start must not wait for logging to initialise (it is on the window's path). */
    private static Logger log() {
        return LoggerFactory.getLogger(InstanceLock.class);
    }
}
