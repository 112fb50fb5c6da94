package dev.codefactory.cli;

import dev.codefactory.domain.StopRequestedException;
import dev.codefactory.domain.text.ControlCharacters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * Where interactive commands read a person's lines: JLine's line editor on a terminal (editing keys, history within
 * the run), plain lines from standard input otherwise (scripts, tests). Created only when a command asks something.
 * {@code null} means the person is done: Ctrl-D or the end of the input. Ctrl-C at a question is a stop, never an
 * answer: the question ends at once with {@link StopRequestedException}, as it does when Ctrl-C came just before.
 */
interface LineInput extends AutoCloseable {

    String readLine(String prompt);

    @Override
    void close();

    /** JLine's editor on {@code tty}'s terminal when this run has one, else lines from {@code session}'s input. */
    static LineInput of(Session session, Tty tty, PrintWriter prompts, Interrupts interrupts) {
        Terminal terminal = tty.terminal();
        if (terminal != null) {
            return jline(terminal, interrupts, () -> { }); // the terminal is tty's, which puts it back at the end
        }
        return lines(session.in(), prompts, interrupts);
    }

    /**
     * JLine's line editor on {@code terminal}, which it closes when done. JLine writes the prompt to the terminal
     * itself, past {@link TerminalWriter}, and reads it as a pattern ({@code %N}, {@code %P}, ANSI colours): the
     * prompt is given to it with its control characters shown ({@link ControlCharacters#escape}) and {@code %}
     * doubled, so a prompt that holds a model's or a file's text is shown as it is and drives nothing.
     */
    static LineInput jline(Terminal terminal, Interrupts interrupts) {
        return jline(terminal, interrupts, () -> {
            try {
                terminal.close();
            } catch (IOException ignored) {
                // the terminal is going away with the process anyway
            }
        });
    }

    /** {@link #jline(Terminal, Interrupts)}, with {@code close} as what closing it does. */
    private static LineInput jline(Terminal terminal, Interrupts interrupts, Runnable close) {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
        AtomicBoolean reading = new AtomicBoolean();
        // a stop asked for elsewhere (the signal reached Interrupts first) ends a question being asked, as JLine's
        // own Ctrl-C does
        interrupts.onRequest(() -> {
            if (reading.get()) {
                terminal.raise(Terminal.Signal.INT);
            }
        });
        return new LineInput() {
            @Override
            public String readLine(String prompt) {
                stopIfAsked(interrupts);
                reading.set(true);
                try {
                    return reader.readLine(ControlCharacters.escape(prompt).replace("%", "%%"));
                } catch (UserInterruptException e) {
                    reading.set(false);
                    interrupts.request();
                    throw stopped();
                } catch (EndOfFileException e) {
                    return null;
                } finally {
                    reading.set(false);
                }
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }

    /**
     * Lines from {@code in}; the prompt goes to {@code prompts} (standard error, filtered). The lines are read on a
     * thread of their own, so that Ctrl-C ends a question even while standard input has nothing to say.
     */
    static LineInput lines(InputStream in, PrintWriter prompts, Interrupts interrupts) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        BlockingQueue<Optional<String>> read = new LinkedBlockingQueue<>();
        Thread[] pump = new Thread[1];
        return new LineInput() {
            @Override
            public String readLine(String prompt) {
                stopIfAsked(interrupts);
                prompts.print(prompt);
                prompts.flush();
                if (pump[0] == null) {
                    pump[0] = new Thread(() -> {
                        try {
                            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                                read.add(Optional.of(line));
                            }
                        } catch (IOException e) {
                            // the end of the input, as far as the person's answers go
                        }
                        read.add(Optional.empty());
                    }, "factory-input");
                    pump[0].setDaemon(true);
                    pump[0].start();
                }
                try {
                    while (true) {
                        Optional<String> line = read.poll(50, TimeUnit.MILLISECONDS);
                        if (line != null) {
                            if (line.isEmpty()) {
                                read.add(line); // the end stays the end
                            }
                            return line.orElse(null);
                        }
                        stopIfAsked(interrupts);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw stopped();
                }
            }

            @Override
            public void close() {
                // standard input belongs to the process
            }
        };
    }

    private static void stopIfAsked(Interrupts interrupts) {
        if (interrupts.requested()) {
            throw stopped();
        }
    }

    private static StopRequestedException stopped() {
        return new StopRequestedException("stopped at a question");
    }
}
