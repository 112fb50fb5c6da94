package dev.codefactory.adapter.llm.internal;

import feign.Request;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP exchange's options, passed as the {@link Request.Options} argument of a provider's Feign method: how long to
 * wait for the response headers, and a handle that aborts the exchange from another thread (Ctrl-C,
 * {@code StreamHandle.cancel()}) even while it is still connecting or waiting for headers.
 */
public final class Exchange extends Request.Options {
    private final Duration headerWait;
    private final AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
    private volatile boolean cancelled;

    Exchange(Duration connect, Duration headerWait) {
        super(connect.toMillis(), TimeUnit.MILLISECONDS, headerWait.toMillis(), TimeUnit.MILLISECONDS, false);
        this.headerWait = headerWait;
    }

    Duration headerWait() {
        return headerWait;
    }

    /** Called by the client once the request is on its way; cancels it at once when the exchange was cancelled. */
    void attach(CompletableFuture<?> future) {
        inFlight.set(future);
        if (cancelled) {
            future.cancel(true);
        }
    }

    void cancel() {
        cancelled = true;
        CompletableFuture<?> future = inFlight.get();
        if (future != null) {
            future.cancel(true);
        }
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** No response headers within {@link #headerWait()}. */
    static final class TimedOut extends IOException {
        private static final long serialVersionUID = 1L;

        TimedOut(Duration waited) {
            super("no response within " + waited.toMillis() + " ms");
        }
    }

    /** The exchange was cancelled (or its thread interrupted) before the response headers arrived. */
    static final class Cancelled extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled");
        }
    }
}
