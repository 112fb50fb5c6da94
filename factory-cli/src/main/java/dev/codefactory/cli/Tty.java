package dev.codefactory.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jline.utils.Signals;
import org.jline.utils.WCWidth;

/**
 * The terminal a run is on, when it is the process's own (its session is a terminal reading the process's standard
 * input): what is asked of the terminal itself, never of the environment. Nothing is asked until a command needs it,
 * so that commands which never do (and every run off a terminal) pay nothing for it.
 *
 * <p>Its width ({@link #columns}), for what must fit on a line: the status line ({@link TerminalWriter#statusLine})
 * and {@code factory history}'s rows. Asked of the terminal as {@code stty size} does, never read from {@code COLUMNS}, which shells do not export; asked
 * again after the window was resized (SIGWINCH). {@value #DEFAULT_COLUMNS} when there is no terminal to ask (tests,
 * embedding) or it cannot tell.
 */
final class Tty {
    /** The width when the terminal cannot be asked: the classic terminal's. */
    static final int DEFAULT_COLUMNS = 80;
    private static final char ELLIPSIS = '…';

    private final boolean own;
    /** The width last asked, 0 when it is to be asked (never yet, or the window was resized since). */
    private volatile int columns;
    private boolean closed;
    private Object resizes;

    private Tty(boolean own) {
        this.own = own;
    }

    /** The process's terminal when {@code session} is one and reads the process's standard input; else none. */
    static Tty of(Session session) {
        return new Tty(session.terminal() && session.in() == System.in);
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
        int asked = stty();
        columns = asked;
        return asked;
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

    /** From now on a SIGWINCH makes the width be asked again. */
    private synchronized void watchResizes() {
        if (resizes == null && !closed) {
            resizes = Signals.register("WINCH", () -> columns = 0);
        }
    }

    /** Stops watching resizes; once. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (resizes != null) {
            Signals.unregister("WINCH", resizes);
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
