package io.streamdesk.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceLockTest {

    @TempDir
    Path dir;

    @Test
    void secondAcquireIsAlreadyRunningAndBringsTheFirstForward() throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        InstanceLock.Result first = InstanceLock.acquire(dir, shown::countDown);
        assertThat(first).isInstanceOf(InstanceLock.Acquired.class);
        try (InstanceLock lock = ((InstanceLock.Acquired) first).lock()) {
            assertThat(Files.readString(dir.resolve("instance.port")).trim()).isEqualTo(Integer.toString(lock.port()));

            InstanceLock.Result second = InstanceLock.acquire(dir, () -> { });

            assertThat(second).isInstanceOf(InstanceLock.AlreadyRunning.class);
            InstanceLock.AlreadyRunning running = (InstanceLock.AlreadyRunning) second;
            assertThat(running.notified()).isTrue();
            assertThat(running.message()).contains("already running").contains(dir.toString());
            assertThat(shown.await(5, TimeUnit.SECONDS)).as("show callback").isTrue();
        }
    }

    @Test
    void everyLaterStartAsksAgain() throws Exception {
        AtomicInteger shows = new AtomicInteger();
        try (InstanceLock lock = ((InstanceLock.Acquired) InstanceLock.acquire(dir, shows::incrementAndGet)).lock()) {
            for (int i = 0; i < 3; i++) {
                assertThat(InstanceLock.acquire(dir, () -> { })).isInstanceOf(InstanceLock.AlreadyRunning.class);
            }
            // The reply is sent before the callback runs; give the listener a moment to finish it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (shows.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(shows.get()).isEqualTo(3);
        }
    }

    @Test
    void closingReleasesTheLockForTheNextStart() {
        InstanceLock.Result first = InstanceLock.acquire(dir, () -> { });
        ((InstanceLock.Acquired) first).lock().close();
        assertThat(dir.resolve("instance.port")).doesNotExist();

        InstanceLock.Result again = InstanceLock.acquire(dir, () -> { });

        assertThat(again).isInstanceOf(InstanceLock.Acquired.class);
        ((InstanceLock.Acquired) again).lock().close();
    }

    @Test
    void aStalePortFileDoesNotBlockAStart() throws Exception {
        // A killed instance leaves its port file; the OS has dropped its lock.
        Files.writeString(dir.resolve("instance.port"), "1");

        InstanceLock.Result result = InstanceLock.acquire(dir, () -> { });

        assertThat(result).isInstanceOf(InstanceLock.Acquired.class);
        try (InstanceLock lock = ((InstanceLock.Acquired) result).lock()) {
            assertThat(Files.readString(dir.resolve("instance.port")).trim()).isEqualTo(Integer.toString(lock.port()));
        }
    }

    @Test
    void garbageOnThePortIsIgnored() throws Exception {
        AtomicInteger shows = new AtomicInteger();
        try (InstanceLock lock = ((InstanceLock.Acquired) InstanceLock.acquire(dir, shows::incrementAndGet)).lock();
             java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), lock.port())) {
            s.getOutputStream().write("HELLO\n".getBytes());
            s.getOutputStream().flush();
            s.shutdownOutput();
            assertThat(s.getInputStream().read()).isEqualTo(-1); // closed without an OK
            assertThat(InstanceLock.acquire(dir, () -> { })).isInstanceOf(InstanceLock.AlreadyRunning.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (shows.get() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(shows.get()).isEqualTo(1);
        }
    }
}
