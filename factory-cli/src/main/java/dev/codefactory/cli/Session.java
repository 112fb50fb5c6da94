package dev.codefactory.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of the CLI talks to: its output streams, working directory and environment, whether output goes
 * to a terminal, and its standard input (read by {@code factory auth set} when there is no console). Tests and
 * embedders make their own; {@link Main#main} makes the real one. {@link Main#run} puts a {@link TerminalWriter}
 * in front of {@code out} and {@code err}, so what the CLI prints there never holds raw control characters.
 * {@code protocolOut} is standard output as bytes, for a protocol spoken on it ({@code factory mcp}: UTF-8 JSON,
 * whatever the platform's charset); a session made without it writes those bytes to {@code out} as UTF-8 text.
 */
public record Session(PrintWriter out, PrintWriter err, Path workingDirectory, Map<String, String> environment,
                      boolean terminal, InputStream in, OutputStream protocolOut) {

    public Session {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(protocolOut, "protocolOut");
    }

    /** A session whose protocol output goes to {@code out} as UTF-8 text. */
    public Session(PrintWriter out, PrintWriter err, Path workingDirectory, Map<String, String> environment,
                   boolean terminal, InputStream in) {
        this(out, err, workingDirectory, environment, terminal, in, new TextOut(out));
    }

    /** A session whose standard input is empty. */
    public Session(PrintWriter out, PrintWriter err, Path workingDirectory, Map<String, String> environment,
                   boolean terminal) {
        this(out, err, workingDirectory, environment, terminal, new ByteArrayInputStream(new byte[0]));
    }

    /** Colours only on a terminal, and never when {@code NO_COLOR} is set to anything non-empty. */
    public boolean colourAllowed() {
        String noColor = environment.get("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty());
    }

    /** Bytes to a writer as UTF-8 text, a line (or a flush) at a time, so a character is never split. */
    private static final class TextOut extends OutputStream {
        private final PrintWriter out;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        TextOut(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public synchronized void flush() {
            out.write(line.toString(StandardCharsets.UTF_8));
            out.flush();
            line.reset();
        }
    }
}
