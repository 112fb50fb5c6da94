package dev.codefactory.cli;

import dev.codefactory.domain.text.ControlCharacters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where interactive commands read a person's lines: JLine's line editor on a terminal (editing keys, history within
 * the run), plain lines from standard input otherwise (scripts, tests). Created only when a command asks something.
 * {@code null} means the person is done: Ctrl-D, Ctrl-C or the end of the input.
 */
interface LineInput extends AutoCloseable {

    String readLine(String prompt);

    @Override
    void close();

    /** JLine's editor on the system terminal when {@code session} is one, else lines from its standard input. */
    static LineInput of(Session session, PrintWriter prompts) {
        if (session.terminal() && session.in() == System.in) {
            try {
                return jline(TerminalBuilder.builder().system(true).build());
            } catch (IOException | RuntimeException e) {
                // no usable terminal after all: plain lines still work
            }
        }
        return lines(session.in(), prompts);
    }

    /**
     * JLine's line editor on {@code terminal}, which it closes when done. JLine writes the prompt to the terminal
     * itself, past {@link TerminalWriter}, and reads it as a pattern ({@code %N}, {@code %P}, ANSI colours): the
     * prompt is given to it with its control characters shown ({@link ControlCharacters#escape}) and {@code %}
     * doubled, so a prompt that holds a model's or a file's text is shown as it is and drives nothing.
     */
    static LineInput jline(Terminal terminal) {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
        return new LineInput() {
            @Override
            public String readLine(String prompt) {
                try {
                    return reader.readLine(ControlCharacters.escape(prompt).replace("%", "%%"));
                } catch (EndOfFileException | UserInterruptException e) {
                    return null;
                }
            }

            @Override
            public void close() {
                try {
                    terminal.close();
                } catch (IOException ignored) {
                    // the terminal is going away with the process anyway
                }
            }
        };
    }

    /** Lines from {@code in}; the prompt goes to {@code prompts} (standard error, filtered). */
    static LineInput lines(InputStream in, PrintWriter prompts) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new LineInput() {
            @Override
            public String readLine(String prompt) {
                prompts.print(prompt);
                prompts.flush();
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
                // standard input belongs to the process
            }
        };
    }
}
