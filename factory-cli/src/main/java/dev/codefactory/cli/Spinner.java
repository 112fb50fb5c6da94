package dev.codefactory.cli;

import java.util.function.Supplier;

/**
 * A one-line spinner on standard error's status line with the seconds elapsed, for waits longer than a second; only
 * on a terminal (elsewhere it prints nothing, so that logs and pipes stay clean). {@link #stop()} erases the line.
 */
final class Spinner {
    private static final String FRAMES = "|/-\\";
    private final TerminalWriter err;
    private final boolean enabled;
    private final Supplier<String> label;
    private volatile boolean running;
    private Thread thread;

    Spinner(TerminalWriter err, boolean enabled, Supplier<String> label) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
    }

    synchronized void start() {
        if (!enabled) {
            return;
        }
        running = true;
        thread = new Thread(() -> {
            long start = System.nanoTime();
            for (int i = 0; running; i++) {
                synchronized (this) {
                    if (running) {
                        err.statusLine(FRAMES.charAt(i % 4) + " " + label.get() + " "
                                + (System.nanoTime() - start) / 100_000_000 / 10.0 + " s");
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "factory-spinner");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() {
        if (running) {
            running = false;
            err.clearStatusLine();
            thread.interrupt();
        }
    }
}
