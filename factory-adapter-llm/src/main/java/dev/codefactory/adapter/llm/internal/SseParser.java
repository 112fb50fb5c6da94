package dev.codefactory.adapter.llm.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Server-sent events read from a byte stream, after the WHATWG rules: {@code data} lines joined by newlines, an
 * {@code event} type, comments ignored, an event dispatched at a blank line. One deliberate difference: an event
 * left unfinished by the end of the stream is still dispatched, because some servers omit the last blank line after
 * {@code data: [DONE]}; a truly truncated event then fails to parse where it is used, which is reported as an error.
 */
final class SseParser {

    /** One event; {@code type} is {@code message} when the server named none. */
    public record Event(String type, String data, String id) {
    }

    private final LineReader lines;
    private boolean first = true;

    public SseParser(InputStream in) {
        this.lines = new LineReader(in);
    }

    /** The next event, or null when the stream ended. */
    public Event next() throws IOException {
        StringBuilder data = null;
        String type = null;
        String id = null;
        String line;
        while ((line = lines.readLine()) != null) {
            if (first) {
                first = false;
                if (line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
            }
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(type == null || type.isEmpty() ? "message" : type, data.toString(), id);
                }
                type = null;
                continue;
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data":
                    if (data == null) {
                        data = new StringBuilder(value);
                    } else {
                        data.append('\n').append(value);
                    }
                    break;
                case "event":
                    type = value;
                    break;
                case "id":
                    id = value;
                    break;
                default:
                    break;
            }
        }
        if (data != null) {
            return new Event(type == null || type.isEmpty() ? "message" : type, data.toString(), id);
        }
        return null;
    }
}
