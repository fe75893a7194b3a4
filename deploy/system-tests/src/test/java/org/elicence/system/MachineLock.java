package org.elicence.system;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The platform of the system tests listens on fixed ports and databases ({@link LocalPlatform}); two test runs on
 * one machine (two checkouts, a developer's run beside CI's) would stop each other's platform. Each run holds this
 * machine-wide lock from start to stop, so a second run waits for the first instead of failing in strange ways.
 */
final class MachineLock implements AutoCloseable {

    private static final Path LOCK_FILE = Path.of(System.getProperty("java.io.tmpdir"), "elicence-system-tests.lock");

    private final FileChannel channel;
    private final FileLock lock;

    private MachineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static MachineLock acquire() throws IOException {
        FileChannel channel = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            System.err.println("another system-test run holds " + LOCK_FILE + "; waiting for it to finish");
            lock = channel.lock();
        }
        return new MachineLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
