package dev.codefactory.adapter.llm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a byte stream into lines (LF, CRLF or CR) and decodes each whole line as UTF-8, so a character split
 * across two reads is never damaged. Lines longer than a limit are refused rather than buffered without end.
 */
final class LineReader {
    /** The longest line accepted; a provider's single JSON chunk is far smaller. */
    public static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean skipLineFeed;
    private boolean eof;

    public LineReader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /** The next line without its terminator, or null at the end; a last line without terminator is returned. */
    public String readLine() throws IOException {
        while (true) {
            if (position == limit) {
                if (eof || !fill()) {
                    eof = true;
                    if (lineLength > 0) {
                        return takeLine();
                    }
                    return null;
                }
            }
            byte b = buffer[position++];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\n') {
                return takeLine();
            }
            if (b == '\r') {
                skipLineFeed = true;
                return takeLine();
            }
            append(b);
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        while (n == 0) {
            n = in.read(buffer, 0, buffer.length);
        }
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private void append(byte b) throws IOException {
        if (lineLength == line.length) {
            if (line.length >= MAX_LINE_BYTES) {
                throw new IOException("a line of the response is longer than " + MAX_LINE_BYTES + " bytes");
            }
            line = Arrays.copyOf(line, Math.min(line.length * 2, MAX_LINE_BYTES));
        }
        line[lineLength++] = b;
    }

    private String takeLine() {
        String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
        lineLength = 0;
        return text;
    }
}
