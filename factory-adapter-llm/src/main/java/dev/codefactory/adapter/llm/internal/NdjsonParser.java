package dev.codefactory.adapter.llm.internal;

import java.io.IOException;
import java.io.InputStream;

/** Newline-delimited JSON read from a byte stream: one document a line, blank lines skipped. */
final class NdjsonParser {
    private final LineReader lines;

    public NdjsonParser(InputStream in) {
        this.lines = new LineReader(in);
    }

    /** The next non-blank line, or null when the stream ended. */
    public String next() throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }
}
