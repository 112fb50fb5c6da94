package dev.codefactory.adapter.fs.project;

/**
 * The line ending a text already uses, so that what is added to it matches.
 *
 * <p>Shared inside the fs adapter only: public for its sibling packages, not part of the adapter's API.
 */
public final class LineEndings {
    public static final String LF = "\n";
    public static final String CRLF = "\r\n";

    private LineEndings() {
    }

    /** {@code \r\n} when the first line break of {@code text} is one, else {@code \n}. */
    public static String of(String text) {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r' ? CRLF : LF;
    }

    /** {@code text} (written with {@code \n}) with every line break written as {@code eol}. */
    public static String convert(String text, String eol) {
        String lf = text.replace(CRLF, LF);
        return eol.equals(LF) ? lf : lf.replace(LF, eol);
    }

    /** True when the text is empty or its last line is complete and blank (it ends with two line breaks). */
    public static boolean endsWithBlankLine(String text) {
        if (text.isEmpty()) {
            return true;
        }
        if (!text.endsWith(LF)) {
            return false;
        }
        String rest = text.substring(0, text.length() - 1);
        if (rest.endsWith("\r")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return rest.isEmpty() || rest.endsWith(LF);
    }
}
