package dev.codefactory.cli;

import java.util.function.Supplier;

/**
 * A one-line spinner on standard error's status line with the seconds elapsed, for waits longer than a second; only
 * on a terminal (elsewhere it prints nothing, so that logs and pipes stay clean). {@link #stop()} erases the line.
 * {@link #ticking} redraws a line of the caller's instead (a progress bar whose seconds go on while it waits). Each
 * redraw is cut to the terminal's width by {@link TerminalWriter#statusLine}, so it stays on its one line.
 */
// implements feature-002/NFR-002
final class Spinner {
    private static final String FRAMES = "|/-\\";
    private final TerminalWriter err;
    private final boolean enabled;
    /** The line to draw, given the redraw's number and the nanoseconds since the start. */
    private final Drawing drawing;
    private volatile boolean running;
    private Thread thread;

    /** The frame, {@code label} and the seconds since the start, to one decimal. */
    Spinner(TerminalWriter err, boolean enabled, Supplier<String> label) {
        this(err, enabled, (i, nanos) -> FRAMES.charAt(i % 4) + " " + label.get() + " "
                + nanos / 100_000_000 / 10.0 + " s");
    }

    private Spinner(TerminalWriter err, boolean enabled, Drawing drawing) {
        this.err = err;
        this.enabled = enabled;
        this.drawing = drawing;
    }

    /** Redraws {@code line} every 100 ms, and nothing else. */
    static Spinner ticking(TerminalWriter err, boolean enabled, Supplier<String> line) {
        return new Spinner(err, enabled, (i, nanos) -> line.get());
    }

    /** Whether it is drawing now (started and not stopped). */
    boolean running() {
        return running;
    }

    synchronized void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        thread = new Thread(() -> {
            long start = System.nanoTime();
            for (int i = 0; running; i++) {
                synchronized (this) {
                    if (running) {
                        err.statusLine(drawing.line(i, System.nanoTime() - start));
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

    /** Draws the line now, when it is running (for {@link #ticking}: what it shows has just changed). */
    synchronized void redraw() {
        if (running) {
            err.statusLine(drawing.line(0, 0));
        }
    }

    synchronized void stop() {
        if (running) {
            running = false;
            err.clearStatusLine();
            thread.interrupt();
        }
    }

    private interface Drawing {
        String line(int redraw, long nanos);
    }
}
