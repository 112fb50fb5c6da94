package dev.codefactory.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.Signals;
import org.jline.utils.WCWidth;

/**
 * The terminal a run is on, when it is the process's own (its session is a terminal reading the process's standard
 * input): what is asked of the terminal itself, never of the environment. Nothing is asked or made until a command
 * needs it, so that commands which never do (and every run off a terminal) pay nothing for it.
 * <ul>
 * <li>Its width ({@link #columns}), for what must fit on a line: the status line ({@link TerminalWriter#statusLine})
 * and {@code factory history}'s rows. Asked of the terminal as {@code stty size} does (of JLine's terminal when one is
 * open), never read from {@code COLUMNS}, which shells do not export; asked again after the window was resized
 * (SIGWINCH). {@value #DEFAULT_COLUMNS} when there is no terminal to ask (tests, embedding) or it cannot tell.</li>
 * <li>JLine's terminal ({@link #terminal}), for the questions ({@link LineInput}), made once when first needed. It
 * takes no signal of its own: Ctrl-C is {@link Interrupts}' and the resizes are this class's, passed on to it so that
 * a question being edited is redrawn at the new width.</li>
 * <li>Quiet keys ({@link #quietKeys}): for a command that will ask, from its start the terminal no longer echoes
 * what is typed, so that keys typed before a question are shown once, by the question that reads them, and not also
 * by the terminal where the cursor happened to be; Ctrl-C still signals. {@link #close} (at the end of the run, and
 * at a second Ctrl-C before the process halts) puts the terminal back as it was.</li>
 * </ul>
 */
// implements feature-002/NFR-002
final class Tty {
    /** The width when the terminal cannot be asked: the classic terminal's. */
    static final int DEFAULT_COLUMNS = 80;
    private static final char ELLIPSIS = '…';

    private final boolean own;
    private final Interrupts interrupts;
    /** The width last asked, 0 when it is to be asked (never yet, or the window was resized since). */
    private volatile int columns;
    private volatile Terminal terminal;
    private boolean tried;
    private boolean closed;
    private Object resizes;

    private Tty(boolean own, Interrupts interrupts) {
        this.own = own;
        this.interrupts = interrupts;
    }

    /** The process's terminal when {@code session} is one and reads the process's standard input; else none. */
    static Tty of(Session session, Interrupts interrupts) {
        return new Tty(session.terminal() && session.in() == System.in, interrupts);
    }

    /** The terminal's width in columns; asked once, and again after each resize. */
    int columns() {
        if (!own) {
            return DEFAULT_COLUMNS;
        }
        int known = columns;
        if (known > 0) {
            return known;
        }
        watchResizes();
        int asked = ask();
        columns = asked;
        return asked;
    }

    private int ask() {
        Terminal open = terminal;
        if (open != null) {
            int width = open.getWidth();
            return width > 0 ? width : DEFAULT_COLUMNS;
        }
        return stty();
    }

    /** {@code stty size} on standard input, the terminal: "ROWS COLUMNS". */
    private static int stty() {
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String said;
            try (InputStream out = stty.getInputStream()) {
                said = new String(out.readNBytes(64), StandardCharsets.US_ASCII).strip();
            }
            if (!stty.waitFor(2, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return DEFAULT_COLUMNS;
            }
            String[] size = said.split("\\s+");
            int width = size.length == 2 && stty.exitValue() == 0 ? Integer.parseInt(size[1]) : 0;
            return width > 0 ? width : DEFAULT_COLUMNS;
        } catch (IOException | NumberFormatException e) {
            return DEFAULT_COLUMNS; // no stty (not a POSIX system): the classic width
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_COLUMNS;
        }
    }

    /** From now on a SIGWINCH makes the width be asked again, and reaches JLine's terminal when it is open. */
    private synchronized void watchResizes() {
        if (resizes == null && !closed) {
            resizes = Signals.register("WINCH", () -> {
                columns = 0;
                Terminal open = terminal;
                if (open != null) {
                    open.raise(Terminal.Signal.WINCH);
                }
            });
        }
    }

    /**
     * JLine's terminal on the process's own, made on first use; null when this run has none, or none can be made
     * (then questions are read as plain lines).
     */
    synchronized Terminal terminal() {
        if (own && !tried && !closed) {
            tried = true;
            try {
                // no native signals of JLine's own: its default would let SIGINT kill the process (Interrupts has
                // it), and the resizes come through watchResizes
                Terminal made = TerminalBuilder.builder().system(true).nativeSignals(false).build();
                made.handle(Terminal.Signal.INT, signal -> interrupts.signal());
                interrupts.onHalt(this::close);
                terminal = made;
                watchResizes();
            } catch (IOException | RuntimeException e) {
                // no usable terminal after all
            }
        }
        return terminal;
    }

    /**
     * The command will ask questions on this terminal: from now until {@link #close} the terminal does not echo what
     * is typed (the question that reads it shows it, once); it still turns Ctrl-C into a signal, and keeps what is
     * typed until a question reads it.
     */
    void quietKeys() {
        Terminal open = terminal();
        if (open == null) {
            return;
        }
        try {
            Attributes quiet = open.getAttributes();
            quiet.setLocalFlag(Attributes.LocalFlag.ECHO, false);
            open.setAttributes(quiet);
        } catch (RuntimeException e) {
            // the keys are echoed as before
        }
    }

    /** Puts the terminal back as it was (echo included) and stops watching resizes; once, whoever calls first. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (resizes != null) {
            Signals.unregister("WINCH", resizes);
        }
        Terminal open = terminal;
        if (open != null) {
            try {
                open.close();
            } catch (IOException | RuntimeException ignored) {
                // the terminal is going away with the process anyway
            }
        }
    }

    /** How many columns {@code text} takes on a terminal (a wide character two, a combining one none). */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            width += Math.max(0, WCWidth.wcwidth(c));
            i += Character.charCount(c);
        }
        return width;
    }

    /** {@code text} when it fits in {@code columns}; else as much of it as fits with "…" after it. */
    static String fit(String text, int columns) {
        if (width(text) <= columns) {
            return text;
        }
        if (columns < 1) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int w = Math.max(0, WCWidth.wcwidth(c));
            if (width + w > columns - 1) {
                break;
            }
            kept.appendCodePoint(c);
            width += w;
            i += Character.charCount(c);
        }
        return kept.append(ELLIPSIS).toString();
    }
}
