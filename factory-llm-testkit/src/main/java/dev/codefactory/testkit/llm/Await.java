package dev.codefactory.testkit.llm;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits in a test (of a provider, or of anything else) until something has happened, instead of sleeping for a time
 * guessed long enough.
 */
public final class Await {
    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    /**
     * Checks {@code condition} every few milliseconds until it holds or {@code timeout} has passed, and says whether it
     * held: the caller asserts, with a message that names what it waited for.
     */
    public static boolean until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return condition.getAsBoolean();
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        return true;
    }
}
