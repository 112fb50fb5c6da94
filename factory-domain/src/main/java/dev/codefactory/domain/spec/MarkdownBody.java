package dev.codefactory.domain.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the structure of a markdown body without changing it: ATX headings as sections, and inline links. Fenced
 * code blocks and code spans are skipped, so a {@code #} or a link inside code is not mistaken for structure.
 */
public final class MarkdownBody {
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    /** A backtick fence's info string may not hold a backtick (CommonMark), else the line is inline code. */
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(?:(`{3,})[^`]*|(~{3,}).*)$");
    /** The target is group 1 when written in angle brackets (which may hold spaces), else group 2. */
    private static final Pattern LINK = Pattern.compile(
            "!?\\[[^\\]]*]\\(\\s*(?:<([^<>\\n]*)>|((?!<)[^)\\s]*))(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)*?\\1");

    private final List<String> lines;
    private final int firstLine;
    private final boolean[] inCode;

    private MarkdownBody(String body, int firstLine) {
        this.lines = splitLines(body);
        this.firstLine = firstLine;
        this.inCode = codeLines(lines);
    }

    /**
     * @param body      the markdown after the front matter
     * @param firstLine the 1-based line number of the body's first line in the file
     */
    public static MarkdownBody of(String body, int firstLine) {
        return new MarkdownBody(body, firstLine);
    }

    public List<Section> sections() {
        List<int[]> heads = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (inCode[i] || firstNonSpace(lines.get(i)) != '#') {
                continue;
            }
            Matcher m = HEADING.matcher(lines.get(i));
            if (m.matches()) {
                heads.add(new int[] {i, m.group(1).length()});
                texts.add(m.group(2) == null ? "" : m.group(2).trim());
            }
        }
        List<Section> sections = new ArrayList<>(heads.size());
        for (int h = 0; h < heads.size(); h++) {
            int start = heads.get(h)[0];
            int level = heads.get(h)[1];
            int end = lines.size();
            for (int n = h + 1; n < heads.size(); n++) {
                if (heads.get(n)[1] <= level) {
                    end = heads.get(n)[0];
                    break;
                }
            }
            String content = String.join("\n", lines.subList(start + 1, end));
            sections.add(new Section(texts.get(h), level, firstLine + start, content));
        }
        return sections;
    }

    /** A line of prose: its 1-based number in the file and its text without HTML comments. */
    public record Line(int number, String text) {
    }

    /**
     * The lines a reader sees as text: outside fenced code, not headings, with HTML comments (which may span
     * lines) taken out; lines that hold nothing else are left out.
     */
    public List<Line> proseLines() {
        List<Line> out = new ArrayList<>();
        boolean inComment = false;
        for (int i = 0; i < lines.size(); i++) {
            if (inCode[i]) {
                continue;
            }
            String line = lines.get(i);
            StringBuilder visible = new StringBuilder();
            int at = 0;
            while (at < line.length()) {
                if (inComment) {
                    int end = line.indexOf("-->", at);
                    if (end < 0) {
                        at = line.length();
                    } else {
                        inComment = false;
                        at = end + 3;
                    }
                } else {
                    int open = line.indexOf("<!--", at);
                    if (open < 0) {
                        visible.append(line, at, line.length());
                        at = line.length();
                    } else {
                        visible.append(line, at, open);
                        inComment = true;
                        at = open + 4;
                    }
                }
            }
            String text = visible.toString();
            if (text.isBlank() || (firstNonSpace(text) == '#' && HEADING.matcher(text).matches())) {
                continue;
            }
            out.add(new Line(firstLine + i, text));
        }
        return out;
    }

    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (inCode[i] || !line.contains("](")) {
                continue;
            }
            String text = line.indexOf('`') >= 0 ? CODE_SPAN.matcher(line).replaceAll("") : line;
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                links.add(new Link(m.group(1) != null ? m.group(1) : m.group(2), firstLine + i));
            }
        }
        return links;
    }

    private static boolean[] codeLines(List<String> lines) {
        boolean[] code = new boolean[lines.size()];
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            char first = firstNonSpace(line);
            if (first != '`' && first != '~') {
                code[i] = fence != null;
                continue;
            }
            Matcher m = FENCE.matcher(line);
            if (fence == null) {
                if (m.matches()) {
                    fence = m.group(1) != null ? m.group(1) : m.group(2);
                    code[i] = true;
                }
            } else {
                code[i] = true;
                String trimmed = line.strip();
                char mark = fence.charAt(0);
                if (m.matches() && trimmed.chars().allMatch(c -> c == mark) && trimmed.length() >= fence.length()) {
                    fence = null;
                }
            }
        }
        return code;
    }

    /** The first character after up to three spaces of indentation, or a space when there is none. */
    private static char firstNonSpace(String line) {
        for (int i = 0; i < line.length() && i < 4; i++) {
            if (line.charAt(i) != ' ') {
                return line.charAt(i);
            }
        }
        return ' ';
    }

    static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                out.add(text.substring(start, end));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
