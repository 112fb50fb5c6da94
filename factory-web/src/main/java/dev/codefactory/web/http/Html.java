package dev.codefactory.web.http;

/**
 * The one escaping rule for text put into HTML (feature-012, FR-010): every text from specs, reports, git and models
 * goes through {@link #text} (element content) or {@link #attr} (a quoted attribute value). Control characters other
 * than tab, carriage return and newline, and the bidirectional overrides, become U+FFFD, so that nothing invisible
 * or reordering reaches a page.
 */
// implements feature-012/FR-010
public final class Html {
    private Html() {
    }

    /** {@code s} safe as element content. */
    public static String text(String s) {
        return escape(s);
    }

    /** {@code s} safe inside a double-quoted attribute value. */
    public static String attr(String s) {
        return escape(s);
    }

    /**
     * {@code s} with the control characters replaced as {@link #text} replaces them, nothing escaped: for text
     * that a renderer escapes itself (markdown through {@code web.page.Markdown}).
     */
    public static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(control(c) ? '\ufffd' : c);
        }
        return out.toString();
    }

    private static boolean control(char c) {
        return c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f || c >= 0x80 && c < 0xa0
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069; // the bidirectional overrides
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(control(c) ? '\ufffd' : c);
            }
        }
        return out.toString();
    }
}
