package dev.codefactory.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/**
 * Ctrl-C, one rule for every command. The first Ctrl-C asks the command to stop: {@link #requested()} turns true
 * (the application sees it through its dialogs' {@code stopRequested()}, which cancels a model call in progress),
 * and a question being asked ends at once ({@link LineInput}). The command then keeps what can be resumed, says so in
 * one line and exits with {@link ExitCodes#STOPPED}. A second Ctrl-C while it stops ends the process at once, with the
 * terminal put back.
 *
 * <p>{@link #forProcess} takes SIGINT over from the JVM, whose own handling would run the shutdown hooks and exit
 * before the command could keep anything, and from JLine, whose default for a terminal it opens is to let the signal
 * kill the process. Elsewhere (tests, embedding) {@link #request} is called by hand.
 */
final class Interrupts {
    private final PrintWriter err;
    private final IntConsumer exit;
    private final IntConsumer halt;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> closers = new CopyOnWriteArrayList<>();
    private volatile boolean requested;
    private volatile boolean stoppable;

    /** Ctrl-C asked for by hand ({@link #request}), for tests and embedding: no signal ends anything. */
    Interrupts(PrintWriter err) {
        this(err, code -> { }, code -> { });
    }

    private Interrupts(PrintWriter err, IntConsumer exit, IntConsumer halt) {
        this.err = err;
        this.exit = exit;
        this.halt = halt;
    }

    /**
     * The process's Ctrl-C: SIGINT goes to {@link #signal()} from now on; {@code exit} ends the process as the JVM
     * would (shutdown hooks run), {@code halt} at once.
     */
    static Interrupts forProcess(PrintWriter err, IntConsumer exit, IntConsumer halt) {
        Interrupts interrupts = new Interrupts(err, exit, halt);
        // sun.misc.Signal itself (jdk.unsupported keeps it for this): JLine's Signals.register reaches it through
        // a reflective proxy and java.util.logging, 60 ms of CPU at every start against 2 ms
        // implements feature-013/NFR-001
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> interrupts.signal());
        } catch (IllegalArgumentException e) {
            // no SIGINT to take over here (java -Xrs, or a platform without it): the JVM's own handling stays
        }
        return interrupts;
    }

    /** True once the person asked to stop. */
    boolean requested() {
        return requested;
    }

    /** The person asked to stop (a first Ctrl-C, or Ctrl-C at a question); the listeners hear it once. */
    void request() {
        if (requested) {
            return;
        }
        requested = true;
        listeners.forEach(Runnable::run);
    }

    /**
     * A SIGINT: a first one asks a {@link #stoppable} command to stop and ends any other at once (as the JVM
     * would); a second one while stopping ends the process at once.
     */
    void signal() {
        if (!requested && stoppable) {
            request();
            return;
        }
        closers.forEach(c -> {
            try {
                c.run();
            } catch (RuntimeException ignored) {
                // ending anyway
            }
        });
        if (!requested) { // a command that does not stop on its own ends as the JVM would end it
            exit.accept(ExitCodes.STOPPED);
            return;
        }
        err.println();
        err.println("factory: stopped at once (Ctrl-C twice); 'factory history' and 'git status' show anything left"
                + " half-way ('factory undo ID' puts a change back)");
        err.flush();
        halt.accept(ExitCodes.STOPPED);
    }

    /**
     * The running command stops on its own at a first Ctrl-C (it watches {@link #requested()} or listens): from now
     * on a first Ctrl-C asks it to, instead of ending the process.
     */
    void stoppable() {
        stoppable = true;
    }

    /** Runs {@code listener} when the person asks to stop (at once, if they already did). */
    void onRequest(Runnable listener) {
        listeners.add(listener);
        if (requested) {
            listener.run();
        }
    }

    /** Runs {@code closer} before the process ends at a second Ctrl-C (to put the terminal back). */
    void onHalt(Runnable closer) {
        closers.add(closer);
    }
}
