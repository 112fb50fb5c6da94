package dev.codefactory.app.llm;

import java.util.concurrent.Semaphore;

/**
 * How many model calls one {@code CodeFactory} makes at a time ({@code llm.max-concurrency}): a fair gate, so calls go
 * through in the order they came to wait. A call takes a permit before it is sent and gives it back when its answer
 * is in or it failed (a stream: when its listener is told it ended); a wait that is interrupted takes nothing and so
 * gives nothing back. It makes no thread: the caller waits on its own.
 */
final class ModelCallGate {
    private final int limit;
    private final Semaphore permits;

    /** @param limit the most calls at a time, at least 1 */
    ModelCallGate(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("llm.max-concurrency must be at least 1, not " + limit);
        }
        this.limit = limit;
        this.permits = new Semaphore(limit, true);
    }

    /** The most calls at a time. */
    int limit() {
        return limit;
    }

    /** Waits for a permit; an interrupted wait took none. */
    void enter() throws InterruptedException {
        permits.acquire();
    }

    /** Gives back a permit that {@link #enter()} took. */
    void leave() {
        permits.release();
    }
}
