package dev.codefactory.domain.rescue;

import java.util.List;

/** How a failure's message is kept: its first lines, trimmed, at most {@link #MAX} characters. */
final class Messages {
    /** The longest message kept. */
    static final int MAX = 300;
    /** The most lines kept. */
    static final int MAX_LINES = 6;

    private Messages() {
    }

    /** {@code lines} trimmed at the end, blank ones left out, joined by line feeds and cut as the class says. */
    static String of(List<String> lines) {
        StringBuilder out = new StringBuilder();
        int kept = 0;
        for (String line : lines) {
            String text = stripEnd(line);
            if (text.isBlank()) {
                continue;
            }
            if (kept == MAX_LINES || out.length() >= MAX) {
                return cut(out.append("\n..."));
            }
            if (kept > 0) {
                out.append('\n');
            }
            out.append(text);
            kept++;
        }
        return cut(out);
    }

    /** One message line (or a text of several), cut as the class says. */
    static String of(String text) {
        return of(List.of(text.split("\n", MAX_LINES + 2)));
    }

    private static String cut(StringBuilder out) {
        if (out.length() <= MAX) {
            return out.toString();
        }
        return out.substring(0, MAX - 3).stripTrailing() + "...";
    }

    static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
