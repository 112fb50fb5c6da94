package dev.codefactory.domain.text;

/**
 * The characters that must never reach a terminal as they are when the text came from a file, a repository or a
 * model: they can retitle the window, clear or rewrite the screen ({@code ESC ] 0;... BEL}, {@code ESC [ 2J}), hide
 * what comes before them on the line (a carriage return), or reorder what is shown (Trojan Source). The one policy
 * for them: the CLI's output filter shows them this way, JSON and YAML writers escape the same set, and model text
 * written into reports and specs is shown this way too.
 *
 * <p>Which: the C0 controls except tab and line feed (a carriage return is safe only right before a line feed), DEL,
 * the C1 controls (U+0080 to U+009F) and Unicode's explicit bidirectional formatting characters (U+202A to U+202E,
 * U+2066 to U+2069). How they are shown, the way {@code less} shows them: a C0 control in caret notation
 * ({@code ESC} is {@code ^[}, {@code BEL} {@code ^G}, {@code CR} {@code ^M}), DEL as {@code ^?}, the others as
 * {@code <U+XXXX>} ({@code <U+202E>}).
 */
// implements feature-002/NFR-003
public final class ControlCharacters {
    private ControlCharacters() {
    }

    /** True when {@code c} must not be passed on as it is (see the class comment); tab and line feed are fine. */
    public static boolean isUnsafe(char c) {
        return c < 0x20 && c != '\t' && c != '\n'
                || c >= 0x7f && c <= 0x9f
                || c >= 0x202a && c <= 0x202e
                || c >= 0x2066 && c <= 0x2069;
    }

    /** How {@code c} is shown instead: {@code ^[} for ESC, {@code ^?} for DEL, {@code <U+202E>} and the like. */
    public static String visible(char c) {
        if (c < 0x20) {
            return "^" + (char) (c + 0x40);
        }
        if (c == 0x7f) {
            return "^?";
        }
        return String.format("<U+%04X>", (int) c);
    }

    /**
     * {@code text} with every unsafe character shown as {@link #visible} says, except a carriage return right before
     * a line feed; the same string when there is none.
     */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = isUnsafe(c) && !(c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (unsafe) {
                out.append(visible(c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
