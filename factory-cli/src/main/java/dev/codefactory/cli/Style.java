package dev.codefactory.cli;

import java.util.List;
import java.util.Set;

/** ANSI styling that turns itself off when colour is not allowed. */
// implements feature-002/NFR-001
final class Style {
    /**
     * Every SGR code the CLI prints: this class's own (reset, bold, dim, italic, reverse, red, green, yellow, magenta,
     * cyan) and those of
     * picocli's default help colours, which {@link Main} turns on with ours (bold and its end 21, italic 3 and 23,
     * yellow, red, the default colour 39). {@link TerminalWriter} lets {@code ESC [ CODE m} through for exactly these,
     * and only while colour is on; every other escape sequence is shown, not obeyed.
     */
    static final Set<String> CODES = Set.of("0", "1", "2", "3", "7", "21", "23", "31", "32", "33", "35", "36",
            "39");
    private final boolean on;

    Style(boolean on) {
        this.on = on;
    }

    String bold(String s) {
        return wrap("1", s);
    }

    String dim(String s) {
        return wrap("2", s);
    }

    String red(String s) {
        return wrap("31", s);
    }

    String yellow(String s) {
        return wrap("33", s);
    }

    String green(String s) {
        return wrap("32", s);
    }

    String cyan(String s) {
        return wrap("36", s);
    }

    /** Whether colours are on. */
    boolean on() {
        return on;
    }

    /**
     * {@code s} with every one of {@code codes} (SGR codes of {@link #CODES}: {@code "32"}, {@code "7"}) on, and
     * reset after it; {@code s} as it is when colour is off or there is no code.
     */
    String paint(String s, List<String> codes) {
        if (!on || codes.isEmpty()) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        codes.forEach(c -> out.append("\u001b[").append(c).append('m'));
        return out.append(s).append("\u001b[0m").toString();
    }

    private String wrap(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
