package dev.codefactory.domain.markdown;

/**
 * A Markdown code fence line: up to three spaces, three or more backticks or tildes, and an info string, of which
 * only the first word (the language) is kept. Models wrap their answers in these, and their answers hold them.
 *
 * @param indent the spaces before the fence
 * @param mark   {@code `} or {@code ~}
 * @param length how many marks
 * @param info   the info string's first word ({@code markdown}, {@code java}), empty for a bare fence
 */
public record Fence(int indent, char mark, int length, String info) {

    /** The fence {@code line} is, or null when it is not one (inline code such as {@code ```x``` } is not). */
    public static Fence of(String line) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        if (indent > 3 || indent >= line.length()) {
            return null;
        }
        char mark = line.charAt(indent);
        if (mark != '`' && mark != '~') {
            return null;
        }
        int end = indent;
        while (end < line.length() && line.charAt(end) == mark) {
            end++;
        }
        if (end - indent < 3) {
            return null;
        }
        String info = line.substring(end).strip();
        if (mark == '`' && info.indexOf('`') >= 0) {
            return null;
        }
        int space = info.indexOf(' ');
        return new Fence(indent, mark, end - indent, space < 0 ? info : info.substring(0, space));
    }

    /** Whether this line closes {@code open}: bare, same mark, at least as long (and, if asked, equally indented). */
    public boolean closes(Fence open, boolean sameIndent) {
        return info.isEmpty() && mark == open.mark && length >= open.length && (!sameIndent || indent == open.indent);
    }
}
