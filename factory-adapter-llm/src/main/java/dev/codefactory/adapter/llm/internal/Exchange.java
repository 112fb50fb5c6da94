package dev.codefactory.adapter.llm.internal;

import feign.Request;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP exchange's options, passed as the {@link Request.Options} argument of a provider's Feign method: how long to
 * wait for the response headers, and a handle that aborts the exchange from another thread (Ctrl-C,
 * {@code StreamHandle.cancel()}) even while it is still connecting or waiting for headers.
 */
public final class Exchange extends Request.Options {
    private final Duration headerWait;
    private final AtomicReference<Runnable> abort = new AtomicReference<>();
    private volatile boolean cancelled;

    Exchange(Duration connect, Duration headerWait) {
        super(connect.toMillis(), TimeUnit.MILLISECONDS, headerWait.toMillis(), TimeUnit.MILLISECONDS, false);
        this.headerWait = headerWait;
    }

    /** How long a client waits for the answer's headers: the exchange's wait, or feign's read timeout otherwise. */
    static Duration headerWait(Request.Options options) {
        return options instanceof Exchange ? ((Exchange) options).headerWait
                : Duration.ofMillis(options.readTimeoutUnit().toMillis(options.readTimeout()));
    }

    /**
     * Called by the client once the request is under way, with what stops it (cancels the future, closes the
     * socket); run at once when the exchange was cancelled.
     */
    void attach(Runnable stop) {
        abort.set(stop);
        if (cancelled) {
            stop.run();
        }
    }

    void cancel() {
        cancelled = true;
        Runnable stop = abort.get();
        if (stop != null) {
            stop.run();
        }
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** No response headers within {@link #headerWait(Request.Options)}. */
    static final class TimedOut extends IOException {
        private static final long serialVersionUID = 1L;

        TimedOut(Duration waited) {
            super("no response within " + waited.toMillis() + " ms");
        }
    }

    /** No connection within the connect timeout (on a plain socket; the JDK client says it its own way). */
    static final class ConnectTimedOut extends IOException {
        private static final long serialVersionUID = 1L;

        ConnectTimedOut(String where, long millis) {
            super("no connection to " + where + " within " + millis + " ms");
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
