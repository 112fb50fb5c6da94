package dev.codefactory.domain.trace;

import dev.codefactory.domain.spec.Requirements;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Ids for the requirements of a spec that have none (feature-010/FR-003): {@code FR-nnn} for a requirement, and
 * {@code NFR-nnn} under a {@code Non-Functional} heading, each the next free number of its kind, above every id the
 * spec holds and every retired one. The text changes byte for byte only where an id is given: {@code ID: } right
 * after the list marker (and after a task checkbox); line breaks, the last newline, fenced code, acceptance criteria,
 * existing and malformed ids stay as they are, and nothing is ever renumbered. Applied to its own result it gives
 * nothing more.
 *
 * @param text     the spec's whole text with the ids inserted (the text as given when none was missing)
 * @param assigned the ids given, in line order
 */
// implements feature-010/FR-003
public record IdAssignment(String text, List<AssignedId> assigned) {
    public IdAssignment {
        Objects.requireNonNull(text, "text");
        assigned = List.copyOf(assigned);
    }

    /** True when an id was given, so that the text differs from the one read. */
    public boolean changed() {
        return !assigned.isEmpty();
    }

    /**
     * Gives ids to the requirements of {@code text} that lack them.
     *
     * @param text     a spec file's whole text, front matter included
     * @param bodyLine the 1-based line where its body starts (the line after the front matter's closing fence)
     * @param retired  ids this spec had once and has no more (its git history): never given again
     */
    public static IdAssignment assign(String text, int bodyLine, Collection<RequirementId> retired) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(retired, "retired");
        if (bodyLine < 1) {
            throw new IllegalArgumentException("bodyLine must be 1 or more: " + bodyLine);
        }
        List<Integer> starts = lineStarts(text);
        if (bodyLine > starts.size()) {
            return new IdAssignment(text, List.of());
        }
        String body = text.substring(starts.get(bodyLine - 1));
        SpecRequirements read = SpecRequirements.read(body, bodyLine);
        Map<RequirementId.Kind, Integer> highest = new EnumMap<>(RequirementId.Kind.class);
        for (RequirementId.Kind kind : RequirementId.Kind.values()) {
            highest.put(kind, 0);
        }
        for (RequirementItem item : read.items()) {
            item.requirementId().ifPresent(id -> highest.merge(id.kind(), id.number(), Math::max));
        }
        for (RequirementId id : retired) {
            highest.merge(id.kind(), id.number(), Math::max);
        }
        Set<Integer> nonFunctional = Requirements.nonFunctionalLines(body, bodyLine);
        List<AssignedId> assigned = new ArrayList<>();
        StringBuilder out = new StringBuilder(text.length() + 16 * read.findings().size());
        int copied = 0;
        for (IdFinding finding : read.findings()) {
            if (finding.problem() != IdFinding.Problem.MISSING) {
                continue; // a malformed id is the person's to correct, a duplicate theirs to choose
            }
            int lineStart = starts.get(finding.line() - 1);
            int lineEnd = finding.line() < starts.size() ? starts.get(finding.line()) : text.length();
            int at = afterMarker(text, lineStart, lineEnd);
            if (at < 0) {
                continue;
            }
            RequirementId.Kind kind = nonFunctional.contains(finding.line()) ? RequirementId.Kind.NFR
                    : RequirementId.Kind.FR;
            int number = highest.merge(kind, 1, Integer::sum);
            RequirementId id = new RequirementId(kind, number);
            boolean textFollows = at < lineEnd && !isLineBreak(text.charAt(at));
            boolean spaceBefore = at > lineStart && (text.charAt(at - 1) == ' ' || text.charAt(at - 1) == '\t');
            out.append(text, copied, at);
            out.append(spaceBefore ? "" : " ").append(id).append(':').append(textFollows ? " " : "");
            copied = at;
            assigned.add(new AssignedId(id, finding.line()));
        }
        out.append(text, copied, text.length());
        return assigned.isEmpty() ? new IdAssignment(text, List.of()) : new IdAssignment(out.toString(), assigned);
    }

    /** Where each line starts (lines end with {@code \n}; a {@code \r} before it stays part of the line). */
    private static List<Integer> lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts.add(i + 1);
        }
        return starts;
    }

    /**
     * Where the item's text starts on its line: after the indentation, the marker ({@code -}, {@code *}, {@code +},
     * {@code 1.}, {@code 1)}), the blanks after it and a task checkbox with its blanks; -1 when the line is no
     * list item.
     */
    private static int afterMarker(String text, int from, int to) {
        int i = from;
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '*' || text.charAt(i) == '+')) {
            i++;
        } else {
            int digits = i;
            while (i < to && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
                i++;
            }
            if (i == digits || i - digits > 9 || i >= to || (text.charAt(i) != '.' && text.charAt(i) != ')')) {
                return -1;
            }
            i++;
        }
        i = blanks(text, i, to);
        if (i + 2 < to && text.charAt(i) == '[' && " xX".indexOf(text.charAt(i + 1)) >= 0
                && text.charAt(i + 2) == ']') {
            int after = i + 3;
            if (after == to || isLineBreak(text.charAt(after)) || text.charAt(after) == ' '
                    || text.charAt(after) == '\t') {
                i = blanks(text, after, to);
            }
        }
        return i;
    }

    private static int blanks(String text, int i, int to) {
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }
}
