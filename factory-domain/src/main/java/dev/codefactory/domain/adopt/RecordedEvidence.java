package dev.codefactory.domain.adopt;

import dev.codefactory.domain.spec.Requirements;
import dev.codefactory.domain.trace.RequirementItem;
import dev.codefactory.domain.trace.SpecRequirements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The evidence of an adopted requirement recorded in the spec itself, under the requirement, so that
 * {@code factory trace} counts it as the requirement's links without touching code (feature-011, FR-010). One line
 * under a requirement:
 * <pre>
 * - FR-001: Owners are listed by last name.
 *   Evidence: implements `src/main/java/org/acme/OwnerController.java:42`, covers `src/test/java/org/acme/OwnerControllerTest.java:30`
 * </pre>
 * The word {@code implements} or {@code covers} comes before the first location of its kind; each location is a
 * markdown code span {@code `path:line`} ({@code `path`} for a whole file), separated by commas. A path holding a
 * backtick gets a longer fence ({@code `` a`b.js:3 ``}), as markdown writes such spans. The requirement parser
 * ({@link Requirements#isEvidenceLine}) leaves the line out of the requirement's text, and {@code factory trace}'s
 * link scanner sees no link in it (no spec id follows the words).
 */
// implements feature-011/FR-010
public final class RecordedEvidence {
    private static final String IMPLEMENTS = "implements";
    private static final String COVERS = "covers";

    private RecordedEvidence() {
    }

    /**
     * The evidence line for these locations (two spaces of indent, as under a list item), without a line ending;
     * "" when both lists are empty. Control characters in a path are written as {@code ?}, and a backtick in it
     * makes the span's fence longer, so the markdown stays intact.
     */
    public static String line(List<SourceLocation> implementing, List<SourceLocation> covering) {
        Objects.requireNonNull(implementing, "implementing");
        Objects.requireNonNull(covering, "covering");
        if (implementing.isEmpty() && covering.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("  ").append(Requirements.EVIDENCE_LABEL);
        appendKind(out, IMPLEMENTS, implementing, false);
        appendKind(out, COVERS, covering, !implementing.isEmpty());
        return out.toString();
    }

    private static void appendKind(StringBuilder out, String word, List<SourceLocation> at, boolean after) {
        for (int i = 0; i < at.size(); i++) {
            out.append(i == 0 ? (after ? ", " : " ") + word + " " : ", ").append(span(at.get(i).toString()));
        }
    }

    /** {@code text} as a markdown code span: one backtick more than its longest run, padded when it needs it. */
    static String span(String text) {
        String safe = DraftedSpec.oneLine(text).replace("<!--", "<! --"); // no HTML comment opens in a span
        int longest = 0;
        int run = 0;
        for (int i = 0; i < safe.length(); i++) {
            run = safe.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = longest > 0 ? " " : ""; // markdown strips one space on each side of such a span
        return fence + pad + safe + pad + fence;
    }

    /**
     * The evidence recorded in a spec's markdown (the whole file, front matter included, or a body starting at line
     * 1): one entry per location, with the requirement it is under, in line order. An evidence line counts only
     * when it follows a requirement with an id ({@code - FR-001: ...}) directly or after the item's continuation
     * lines; elsewhere it is text.
     */
    public static List<Entry> read(String markdown) {
        return read(markdown, 1);
    }

    /** As {@link #read(String)} for a body whose first line is line {@code bodyStartLine} of the spec file. */
    public static List<Entry> read(String markdownBody, int bodyStartLine) {
        if (markdownBody == null || markdownBody.isEmpty()) {
            return List.of();
        }
        Map<Integer, String> items = new HashMap<>();
        for (RequirementItem item : SpecRequirements.read(markdownBody, bodyStartLine).items()) {
            if (item.id() != null) {
                items.put(item.line(), item.id().toString());
            }
        }
        List<Entry> out = new ArrayList<>();
        if (items.isEmpty()) {
            return out;
        }
        String[] lines = markdownBody.split("\r?\n", -1);
        String current = null;
        for (int i = 0; i < lines.length; i++) {
            int number = bodyStartLine + i;
            String line = lines[i];
            String id = items.get(number);
            if (id != null) {
                current = id;
            } else if (current != null && Requirements.isEvidenceLine(line)) {
                parse(line.stripLeading().substring(Requirements.EVIDENCE_LABEL.length()), current, number, out);
            } else if (line.isBlank() || !Character.isWhitespace(line.charAt(0))) {
                current = null;
            }
        }
        return List.copyOf(out);
    }

    /** The locations of one evidence line's text after its label. */
    private static void parse(String text, String requirement, int line, List<Entry> out) {
        Boolean implementing = null;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '`') {
                int open = i;
                while (i < n && text.charAt(i) == '`') {
                    i++;
                }
                int fence = i - open;
                int close = closing(text, i, fence);
                if (close < 0) {
                    return; // an unclosed span: the rest is no location
                }
                String content = text.substring(i, close);
                if (content.length() >= 2 && content.startsWith(" ") && content.endsWith(" ")
                        && !content.isBlank()) {
                    content = content.substring(1, content.length() - 1);
                }
                if (implementing != null && !content.isBlank()) {
                    out.add(new Entry(requirement, implementing, location(content), line));
                }
                i = close + fence;
            } else if (wordAt(text, i, IMPLEMENTS)) {
                implementing = Boolean.TRUE;
                i += IMPLEMENTS.length();
            } else if (wordAt(text, i, COVERS)) {
                implementing = Boolean.FALSE;
                i += COVERS.length();
            } else {
                i++;
            }
        }
    }

    /** Where a run of exactly {@code fence} backticks starts at or after {@code from}, or -1. */
    private static int closing(String text, int from, int fence) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) != '`') {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && text.charAt(i) == '`') {
                i++;
            }
            if (i - start == fence) {
                return start;
            }
        }
        return -1;
    }

    private static boolean wordAt(String text, int i, String word) {
        int end = i + word.length();
        return text.startsWith(word, i) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }

    /** {@code path:line}, or a path alone (line 0) when no number ends it. */
    static SourceLocation location(String text) {
        int colon = text.lastIndexOf(':');
        if (colon > 0 && colon < text.length() - 1) {
            String digits = text.substring(colon + 1);
            if (digits.length() <= 9 && digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return new SourceLocation(text.substring(0, colon), Integer.parseInt(digits));
            }
        }
        return new SourceLocation(text, 0);
    }

    /**
     * One recorded location.
     *
     * @param requirement the requirement's id ({@code FR-001})
     * @param implementing true for {@code implements}, false for {@code covers}
     * @param at          the location
     * @param line        the spec's line the evidence is on (1-based)
     */
    public record Entry(String requirement, boolean implementing, SourceLocation at, int line) {
        public Entry {
            Objects.requireNonNull(requirement, "requirement");
            Objects.requireNonNull(at, "at");
        }
    }
}
