package dev.codefactory.domain.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the requirements out of a spec body: the list items under a requirements heading.
 *
 * <p>A requirements heading is an ATX heading of any level whose text, ignoring case, a leading number
 * ({@code 2.}) and a trailing colon, is {@code Requirements}, {@code Functional}, {@code Non-Functional} (also
 * {@code Nonfunctional}, {@code Non Functional}), either of those followed by {@code Requirements}, or
 * {@code Acceptance Criteria}. Its scope runs to the next heading of the same or a higher level, so subsections
 * ({@code ### Functional} under {@code ## Requirements}) are included. In scope, every list item ({@code - },
 * {@code * }, {@code + }, {@code 1. }, {@code 1) }, nested ones too) is one requirement; a task checkbox
 * ({@code [ ]}, {@code [x]}) is removed from its text; indented non-item lines that follow an item are joined to it
 * with a space, except an evidence line ({@link #isEvidenceLine}); a blank line or unindented prose ends it. HTML
 * comments (template hints) are ignored, items left blank by them are skipped, and fenced code blocks are never read as items.
 */
public final class Requirements {
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,}).*$");
    private static final Pattern ITEM = Pattern.compile("^(\\s*)(?:[-*+]|\\d{1,9}[.)])(?:[ \\t]+(.*))?$");
    private static final Pattern CHECKBOX = Pattern.compile("^\\[[ xX]\\](?:[ \\t]+|$)");
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NUMBERING = Pattern.compile("^\\d+(?:\\.\\d+)*\\.?\\s+");
    private static final Pattern TRAILING_COLON = Pattern.compile("\\s*:$");
    private static final Pattern NON_FUNCTIONAL = Pattern.compile("^non[ -]?functional");
    private static final Set<String> NAMES = Set.of("requirements", "functional", "functional requirements",
            "non-functional", "non-functional requirements", "acceptance criteria");

    /** What an evidence line under a requirement starts with, after its indent (feature-011/FR-010). */
    public static final String EVIDENCE_LABEL = "Evidence:";

    private Requirements() {
    }

    /**
     * The requirements of one spec, numbered {@code R1}, {@code R2}, ... in order. A review names those that start
     * with a stable id by it ({@code dev.codefactory.domain.review.ReviewRequirements}, feature-010/FR-005).
     *
     * @param specId        the spec's id, copied into each requirement
     * @param markdownBody  the body after the front matter ({@code null} counts as empty)
     * @param bodyStartLine the 1-based line of the body's first line in the spec file
     */
    public static List<Requirement> of(String specId, String markdownBody, int bodyStartLine) {
        return read(specId, markdownBody, bodyStartLine, true);
    }

    /**
     * The requirements proper: as {@link #of}, without the items under an {@code Acceptance Criteria} heading.
     * Those are checks of the requirements, not requirements, and carry no stable id (feature-010/FR-001).
     */
    public static List<Requirement> statements(String specId, String markdownBody, int bodyStartLine) {
        return read(specId, markdownBody, bodyStartLine, false, null);
    }

    /**
     * The 1-based file lines of the {@link #statements} that stand under a {@code Non-Functional} heading (or a
     * sub-heading of one): their ids are {@code NFR-nnn}, the others' {@code FR-nnn} (feature-010/FR-001).
     */
    public static Set<Integer> nonFunctionalLines(String markdownBody, int bodyStartLine) {
        Set<Integer> lines = new java.util.HashSet<>();
        read("", markdownBody, bodyStartLine, false, lines);
        return Set.copyOf(lines);
    }

    private static List<Requirement> read(String specId, String markdownBody, int bodyStartLine,
            boolean withCriteria) {
        return read(specId, markdownBody, bodyStartLine, withCriteria, null);
    }

    /** @param nonFunctional when not null, receives the lines of the items under a non-functional heading */
    private static List<Requirement> read(String specId, String markdownBody, int bodyStartLine,
            boolean withCriteria, Set<Integer> nonFunctional) {
        Objects.requireNonNull(specId, "specId");
        if (bodyStartLine < 1) {
            throw new IllegalArgumentException("bodyStartLine must be 1 or more: " + bodyStartLine);
        }
        if (markdownBody == null || markdownBody.isEmpty()) {
            return List.of();
        }
        String[] lines = LINE_BREAK.split(withoutComments(markdownBody), -1);
        List<Requirement> out = new ArrayList<>();
        int scopeLevel = -1; // level of the open requirements heading, -1 when outside
        int nonFunctionalLevel = -1; // level of the open non-functional heading, -1 when outside
        boolean currentNonFunctional = false;
        String fence = null;
        StringBuilder current = null;
        int currentLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher f = FENCE.matcher(line);
            if (fence != null) {
                if (f.matches() && f.group(1).charAt(0) == fence.charAt(0) && f.group(1).length() >= fence.length()
                        && line.strip().length() == f.group(1).length()) {
                    fence = null;
                }
                continue;
            }
            if (f.matches()) {
                current = flush(specId, current, currentLine, out, currentNonFunctional, nonFunctional);
                fence = f.group(1);
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                current = flush(specId, current, currentLine, out, currentNonFunctional, nonFunctional);
                int level = h.group(1).length();
                if (scopeLevel != -1 && level <= scopeLevel) {
                    scopeLevel = -1;
                }
                if (nonFunctionalLevel != -1 && level <= nonFunctionalLevel) {
                    nonFunctionalLevel = -1;
                }
                if (scopeLevel == -1 && isRequirementsHeading(h.group(2))
                        && (withCriteria || !isCriteriaHeading(h.group(2)))) {
                    scopeLevel = level;
                }
                if (scopeLevel != -1 && nonFunctionalLevel == -1 && h.group(2) != null
                        && normalised(h.group(2)).startsWith("non-functional")) {
                    nonFunctionalLevel = level;
                }
                continue;
            }
            if (scopeLevel == -1) {
                continue;
            }
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                current = flush(specId, current, currentLine, out, currentNonFunctional, nonFunctional);
                String text = item.group(2) == null ? "" : item.group(2).strip();
                Matcher box = CHECKBOX.matcher(text);
                if (box.find()) {
                    text = text.substring(box.end()).strip();
                }
                current = new StringBuilder(text);
                currentLine = bodyStartLine + i;
                currentNonFunctional = nonFunctionalLevel != -1;
            } else if (line.isBlank()) {
                current = flush(specId, current, currentLine, out, currentNonFunctional, nonFunctional);
            } else if (current != null && isEvidenceLine(line)) {
                continue; // the code that shows the requirement, recorded under it: not part of its text
            } else if (current != null && Character.isWhitespace(line.charAt(0))) {
                if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(line.strip());
            } else {
                current = flush(specId, current, currentLine, out, currentNonFunctional, nonFunctional);
            }
        }
        flush(specId, current, currentLine, out, currentNonFunctional, nonFunctional);
        return List.copyOf(out);
    }

    /**
     * True when {@code line} is an evidence line recorded under a requirement (indented, starting with
     * {@code Evidence:}): the files and lines that show it, which are no part of its text (feature-011/FR-010).
     */
    public static boolean isEvidenceLine(String line) {
        return !line.isEmpty() && Character.isWhitespace(line.charAt(0))
                && line.stripLeading().startsWith(EVIDENCE_LABEL);
    }

    /** True when {@code heading} names a requirements section (see the class comment). */
    static boolean isRequirementsHeading(String heading) {
        return heading != null && NAMES.contains(normalised(heading));
    }

    private static boolean isCriteriaHeading(String heading) {
        return normalised(heading).equals("acceptance criteria");
    }

    private static String normalised(String heading) {
        // the patterns are compiled once: a catalog of a thousand specs reads every heading of each
        String text = heading.strip().toLowerCase(Locale.ROOT);
        text = NUMBERING.matcher(text).replaceFirst("");
        text = TRAILING_COLON.matcher(text).replaceFirst("");
        text = SPACES.matcher(text).replaceAll(" ");
        return NON_FUNCTIONAL.matcher(text).replaceFirst("non-functional");
    }

    private static StringBuilder flush(String specId, StringBuilder current, int line, List<Requirement> out,
            boolean isNonFunctional, Set<Integer> nonFunctional) {
        if (current != null) {
            String text = SPACES.matcher(current).replaceAll(" ").strip();
            if (!text.isEmpty()) {
                out.add(new Requirement(specId, "R" + (out.size() + 1), text, line));
                if (isNonFunctional && nonFunctional != null) {
                    nonFunctional.add(line);
                }
            }
        }
        return null;
    }

    /** The body with every HTML comment removed, its newlines kept so line numbers stay right. */
    private static String withoutComments(String body) {
        int open = body.indexOf("<!--");
        if (open < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int pos = 0;
        while (open >= 0) {
            out.append(body, pos, open);
            int close = body.indexOf("-->", open + 4);
            int end = close < 0 ? body.length() : close + 3;
            for (int i = open; i < end; i++) {
                if (body.charAt(i) == '\n') {
                    out.append('\n');
                }
            }
            pos = end;
            open = body.indexOf("<!--", pos);
        }
        out.append(body, pos, body.length());
        return out.toString();
    }
}
