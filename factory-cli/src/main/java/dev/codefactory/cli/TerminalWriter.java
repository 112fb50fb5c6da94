package dev.codefactory.cli;

import dev.codefactory.domain.text.ControlCharacters;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.IntSupplier;

/**
 * Standard output or standard error as the CLI prints to them. {@link Main#run} puts one in front of each of the
 * session's writers before anything is printed, so every character a command, picocli or an error message prints
 * passes this filter: text from spec files, repositories, the network and models may hold control characters, and
 * none of them reaches the terminal as it is. They are shown the way {@link ControlCharacters} says ({@code ESC}
 * as {@code ^[}, a carriage return as {@code ^M}, a bidirectional override as {@code <U+202E>}); tab and line feed
 * pass, and so does a carriage return right before a line feed (a line ending).
 *
 * <p>Two things pass on purpose. While colour is on (a terminal, no {@code NO_COLOR}, no {@code --no-color}),
 * {@code ESC [ CODE m} for the codes in {@link Style#CODES}, so that our colours work; the residual is that a text
 * could colour or embolden itself with one of those codes, but never move the cursor, clear, retitle, hide text or
 * change anything else. And the status line ({@link #statusLine}, {@link #clearStatusLine}): the spinner's and the
 * progress bar's {@code \r ESC [ 2K}, which only our code can write, because it is a method of its own and not text;
 * its text is cut to the terminal's width ({@link Tty#columns}), so that each redraw stays on its one line.
 *
 * <p>A carriage return, or the start of one of our colour sequences, is held back until the next character says
 * what it is (also across a flush, so that a streamed {@code \r} then {@code \n} stays a line ending); {@link #finish}
 * shows what is still held.
 */
// implements feature-002/NFR-003
final class TerminalWriter extends PrintWriter {
    private static final char ESC = '\u001b';
    private final Filter filter;
    private volatile IntSupplier columns = () -> Tty.DEFAULT_COLUMNS;

    private TerminalWriter(Filter filter) {
        super(filter, true);
        this.filter = filter;
    }

    /** {@code session} with its output and error filtered (itself when they are already). */
    static Session install(Session session) {
        if (session.out() instanceof TerminalWriter && session.err() instanceof TerminalWriter) {
            return session;
        }
        boolean colour = session.colourAllowed();
        return new Session(of(session.out(), colour), of(session.err(), colour), session.workingDirectory(),
                session.environment(), session.terminal(), session.in(), session.protocolOut());
    }

    /** {@code target} filtered; {@code colour}: let {@link Style}'s colours through. */
    static TerminalWriter of(PrintWriter target, boolean colour) {
        return target instanceof TerminalWriter ? (TerminalWriter) target
                : new TerminalWriter(new Filter(target, colour));
    }

    /** From now on no escape sequence passes, colours included ({@code --no-color}). */
    void colourOff() {
        filter.colour = false;
    }

    /** From now on {@link #statusLine} fits its text in as many columns as {@code columns} says the terminal has. */
    void fitTo(IntSupplier columns) {
        this.columns = columns;
    }

    /**
     * Replaces the line the cursor is on with {@code text} (a spinner, a progress bar): the one way a carriage return
     * and an erase-line reach the terminal. {@code text} is plain (no colours), shown as the filter shows it, and kept
     * on one line narrower than the terminal ({@link #fitTo}), cut with "…": a line the terminal wrapped would leave
     * its first rows behind at every redraw, since the carriage return only goes back to the start of the last.
     */
    void statusLine(String text) {
        String shown = ControlCharacters.escape(text.replace('\n', ' ').replace('\t', ' '));
        // one column spare: some terminals wrap as soon as the last one is written
        shown = Tty.fit(shown, columns.getAsInt() - 1);
        synchronized (lock) {
            filter.finish();
            filter.raw("\r" + ESC + "[2K");
            filter.text(shown);
            filter.flush();
        }
    }

    /** Erases the status line. */
    void clearStatusLine() {
        synchronized (lock) {
            filter.finish();
            filter.raw("\r" + ESC + "[2K");
            filter.flush();
        }
    }

    /** Shows what is held back (a lone carriage return as {@code ^M}) and flushes: the end of a run. */
    void finish() {
        synchronized (lock) {
            filter.finish();
            filter.flush();
        }
    }

    /** The filter itself; {@link PrintWriter} synchronizes every call on it. */
    private static final class Filter extends Writer {
        private final PrintWriter target;
        private volatile boolean colour;
        /** A carriage return, or the start of {@code ESC [ CODE m}, waiting for the characters that decide. */
        private final StringBuilder held = new StringBuilder(5);

        Filter(PrintWriter target, boolean colour) {
            this.target = target;
            this.colour = colour;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            write(new String(chars, offset, length), 0, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            text(text, offset, length);
        }

        void text(String text) {
            text(text, 0, text.length());
        }

        private void text(String text, int offset, int length) {
            int run = offset; // text[run, i) is plain and not written yet
            int end = offset + length;
            for (int i = offset; i < end; i++) {
                char c = text.charAt(i);
                if (held.length() == 0 && c != ESC && c != '\r' && !ControlCharacters.isUnsafe(c)) {
                    continue;
                }
                target.write(text, run, i - run);
                run = i + 1;
                accept(c);
            }
            target.write(text, run, end - run);
        }

        @Override
        public void write(int c) {
            accept((char) c);
        }

        private void accept(char c) {
            if (held.length() > 0) {
                held.append(c);
                decide();
            } else if (c == '\r' || c == ESC && colour) {
                held.append(c);
            } else if (ControlCharacters.isUnsafe(c)) {
                target.write(ControlCharacters.visible(c));
            } else {
                target.write(c);
            }
        }

        /** Passes, keeps holding or shows what is held, now that one more character came. */
        private void decide() {
            if (held.charAt(0) == '\r') {
                if (held.charAt(1) == '\n') {
                    held.setLength(0);
                    target.write("\r\n");
                } else {
                    release();
                }
                return;
            }
            int match = ours(held);
            if (match > 0) {
                target.write(held.toString());
                held.setLength(0);
            } else if (match < 0) {
                release();
            }
        }

        /** Shows the first held character and reads the others again (one of them may start something new). */
        private void release() {
            String rest = held.substring(1);
            target.write(ControlCharacters.visible(held.charAt(0)));
            held.setLength(0);
            for (int i = 0; i < rest.length(); i++) {
                accept(rest.charAt(i));
            }
        }

        /** 1: {@code s} is one of our colour sequences; 0: it may still become one; -1: it is not one. */
        private static int ours(CharSequence s) {
            if (s.length() == 1) {
                return 0;
            }
            if (s.charAt(1) != '[') {
                return -1;
            }
            int i = 2;
            while (i < s.length() && i < 5 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == s.length()) {
                return i < 5 ? 0 : -1;
            }
            return i == s.length() - 1 && s.charAt(i) == 'm' && Style.CODES.contains(s.subSequence(2, i).toString())
                    ? 1 : -1;
        }

        void raw(String control) {
            target.write(control);
        }

        void finish() {
            if (held.length() > 0) {
                String rest = held.toString();
                held.setLength(0);
                target.write(ControlCharacters.escape(rest));
            }
        }

        @Override
        public void flush() {
            target.flush();
        }

        @Override
        public void close() {
            finish();
            target.close();
        }
    }
}
