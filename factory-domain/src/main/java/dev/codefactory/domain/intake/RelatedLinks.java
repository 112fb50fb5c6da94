package dev.codefactory.domain.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure a new spec links the related specs found for it, whatever the model wrote: each one its body does not
 * already mention gets a relative Markdown link under {@code ## Related Specs} (the section is added at the end when
 * the body has none). Links are relative to the folder the new spec is written to, so the catalog's link check
 * passes.
 */
public final class RelatedLinks {
    static final String HEADING = "## Related Specs";

    private RelatedLinks() {
    }

    /**
     * @param folder the new spec's folder relative to the project root ({@code contracts/specs})
     */
    public static String add(String body, List<NearDuplicates.Candidate> related, String folder) {
        List<String> links = new ArrayList<>();
        for (NearDuplicates.Candidate c : related) {
            String file = c.path().substring(c.path().lastIndexOf('/') + 1);
            if (c.path().isEmpty() || body.contains(file)) {
                continue;
            }
            String title = c.title().replace("[", "\\[").replace("]", "\\]");
            links.add("- [" + title + "](" + relative(folder, c.path()) + ")");
        }
        if (links.isEmpty()) {
            return body;
        }
        String text = body.endsWith("\n") ? body : body + "\n";
        String lines = String.join("\n", links) + "\n";
        int heading = text.startsWith(HEADING + "\n") ? 0 : text.indexOf("\n" + HEADING + "\n") + 1;
        if (heading == 0 && !text.startsWith(HEADING + "\n")) {
            return text + "\n" + HEADING + "\n\n" + lines;
        }
        int next = nextHeading(text, heading + HEADING.length() + 1);
        String section = text.substring(0, next).stripTrailing();
        String joined = section + (section.endsWith(HEADING) ? "\n\n" : "\n") + lines;
        return next < text.length() ? joined + "\n" + text.substring(next) : joined;
    }

    /** The offset of the next {@code #} or {@code ##} heading at or after {@code from}, or the text's length. */
    private static int nextHeading(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int end = text.indexOf('\n', i);
            String line = text.substring(i, end < 0 ? text.length() : end);
            if (line.startsWith("# ") || line.startsWith("## ")) {
                return i;
            }
            if (end < 0) {
                break;
            }
            i = end + 1;
        }
        return text.length();
    }

    /** {@code path} relative to {@code folder}, both relative to the project root with {@code /} separators. */
    static String relative(String folder, String path) {
        String[] from = folder.isEmpty() ? new String[0] : folder.split("/");
        String[] to = path.split("/");
        int common = 0;
        while (common < from.length && common < to.length - 1 && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder out = new StringBuilder();
        for (int i = common; i < from.length; i++) {
            out.append("../");
        }
        for (int i = common; i < to.length; i++) {
            out.append(to[i]).append(i < to.length - 1 ? "/" : "");
        }
        return out.toString();
    }
}
