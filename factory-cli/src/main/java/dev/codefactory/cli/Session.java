package dev.codefactory.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of the CLI talks to: its output streams, working directory and environment, whether output goes
 * to a terminal, and its standard input (read by {@code factory auth set} when there is no console). Tests and
 * embedders make their own; {@link Main#main} makes the real one. {@link Main#run} puts a {@link TerminalWriter}
 * in front of {@code out} and {@code err}, so what the CLI prints there never holds raw control characters.
 */
public record Session(PrintWriter out, PrintWriter err, Path workingDirectory, Map<String, String> environment,
                      boolean terminal, InputStream in) {

    public Session {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(in, "in");
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
}
