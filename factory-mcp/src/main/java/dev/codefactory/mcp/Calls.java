package dev.codefactory.mcp;

import java.util.function.Supplier;

/**
 * The requests being answered, so that the end of the input (an agent, or a script, that sent its last request and
 * closed the stream) waits for their answers instead of dropping them: {@link #awaitQuiet} returns once no call has
 * run for a moment (the SDK hands the last lines it read to a handler on another thread).
 */
final class Calls {
    private static final long QUIET_NANOS = 300_000_000L;
    private int running;
    private long lastEnd = System.nanoTime();

    <T> T run(Supplier<T> call) {
        synchronized (this) {
            running++;
        }
        try {
            return call.get();
        } finally {
            synchronized (this) {
                running--;
                lastEnd = System.nanoTime();
                notifyAll();
            }
        }
    }

    /** Waits until no call runs and none ended in the last 300 ms, or {@code maxMillis} passed. */
    synchronized void awaitQuiet(long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxMillis * 1_000_000L;
        while (true) {
            long now = System.nanoTime();
            if (now >= deadline) {
                return;
            }
            if (running == 0 && now - lastEnd >= QUIET_NANOS) {
                return;
            }
            long waitNanos = running > 0 ? deadline - now : Math.min(deadline - now, QUIET_NANOS - (now - lastEnd));
            wait(Math.max(1, waitNanos / 1_000_000L));
        }
    }
}
