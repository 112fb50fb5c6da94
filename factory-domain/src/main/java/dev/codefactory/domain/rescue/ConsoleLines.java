package dev.codefactory.domain.rescue;

import dev.codefactory.domain.text.ControlCharacters;
import java.util.ArrayList;
import java.util.List;

/**
 * A test command's output as the readers see it: split into lines (a line feed, a carriage return and line feed, or a
 * lone carriage return as a progress bar uses it, ends a line), without ANSI escape sequences (colours, cursor moves,
 * window titles) and without the other characters {@link ControlCharacters} calls unsafe, each line cut to
 * {@link #MAX_LINE} characters. One pass over the text, so a huge output costs time in proportion to its size and
 * no reader's pattern ever sees a line longer than the cut.
 */
final class ConsoleLines {
    /** The longest line a reader sees: what a failure's name, file and message need, and no more. */
    static final int MAX_LINE = 4096;

    private ConsoleLines() {
    }

    /** {@code console} cleaned and split as the class comment says; an empty list for an empty text. */
    static List<String> of(String console) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(128);
        int n = console.length();
        int i = 0;
        while (i < n) {
            char c = console.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(line.toString());
                line.setLength(0);
                i += c == '\r' && i + 1 < n && console.charAt(i + 1) == '\n' ? 2 : 1;
            } else if (c == 0x1b) {
                i = skipEscape(console, i);
            } else if (c == 0x9b) {
                i = skipCsi(console, i + 1);
            } else {
                if (!ControlCharacters.isUnsafe(c) && line.length() < MAX_LINE) {
                    line.append(c);
                }
                i++;
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** {@code text} cleaned as {@link #of} cleans it, its lines joined again by line feeds. */
    static String clean(String text) {
        return String.join("\n", of(text));
    }

    /** The index after the escape sequence that starts with the ESC at {@code i}. */
    private static int skipEscape(String s, int i) {
        int n = s.length();
        if (i + 1 >= n) {
            return n;
        }
        char kind = s.charAt(i + 1);
        if (kind == '[') {
            return skipCsi(s, i + 2);
        }
        if (kind == ']' || kind == 'P' || kind == '_' || kind == '^' || kind == 'X') {
            // OSC and the other strings: up to BEL or ESC \ (a line end ends a broken one, so no line is lost)
            int j = i + 2;
            while (j < n) {
                char c = s.charAt(j);
                if (c == 0x07) {
                    return j + 1;
                }
                if (c == 0x1b && j + 1 < n && s.charAt(j + 1) == '\\') {
                    return j + 2;
                }
                if (c == '\n' || c == '\r') {
                    return j;
                }
                j++;
            }
            return n;
        }
        // ESC ( B and the like: intermediates then one final character
        int j = i + 1;
        while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2f) {
            j++;
        }
        return j < n && s.charAt(j) != '\n' && s.charAt(j) != '\r' ? j + 1 : j;
    }

    /** The index after a control sequence whose parameters start at {@code j}: parameters, intermediates, final. */
    private static int skipCsi(String s, int j) {
        int n = s.length();
        while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x3f) {
            j++;
        }
        return j < n && s.charAt(j) >= 0x40 && s.charAt(j) <= 0x7e ? j + 1 : j;
    }
}
