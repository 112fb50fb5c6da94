package dev.codefactory.adapter.fs.secret;

/** Keeps secret values out of messages built from a child's output. */
final class Masking {
    private static final int MAX = 300;

    private Masking() {
    }

    /** {@code text} with every occurrence of each non-blank value replaced by {@code ****}. */
    static String mask(String text, String... values) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out = out.replace(v, "****");
                String stripped = v.strip();
                if (!stripped.isEmpty()) {
                    out = out.replace(stripped, "****");
                }
            }
        }
        return out;
    }

    /** The first line, shortened: a child's error output can be long. */
    static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("").strip();
        return line.length() > MAX ? line.substring(0, MAX) + "..." : line;
    }
}
