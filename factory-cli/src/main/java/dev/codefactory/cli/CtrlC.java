package dev.codefactory.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C as a request to stop rather than a kill, for the commands that must end at a safe point (a review keeps a
 * partial report, a change writes nothing half-way): while open, a shutdown hook calls {@code onStop} and then waits,
 * 30 s at most, until {@link #close()} says the command has ended.
 */
final class CtrlC implements AutoCloseable {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    CtrlC(String name, Runnable onStop) {
        hook = new Thread(() -> {
            onStop.run();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running and was waiting for this
        }
    }
}
