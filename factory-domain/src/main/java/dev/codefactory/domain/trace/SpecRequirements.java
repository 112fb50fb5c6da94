package dev.codefactory.domain.trace;

import dev.codefactory.domain.spec.Requirement;
import dev.codefactory.domain.spec.Requirements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A spec's requirements with their ids (feature-010, FR-001, FR-004). What a requirement is stays review's
 * notion ({@link Requirements#statements}: list items under a requirements heading, outside fenced code and HTML
 * comments, acceptance criteria excepted);
 * this reads the id each one starts with, {@code - FR-001: text}, and finds the missing, duplicate and malformed
 * ones. Whether a missing id matters (only on approved and implemented specs) is the caller's to decide.
 *
 * @param items    every requirement, in the spec's order
 * @param findings missing, duplicate and malformed ids, in line order
 */
// implements feature-010/FR-001, feature-010/FR-004
public record SpecRequirements(List<RequirementItem> items, List<IdFinding> findings) {
    public SpecRequirements {
        items = List.copyOf(items);
        findings = List.copyOf(findings);
    }

    /**
     * Reads the requirements of one spec body.
     *
     * @param markdownBody  the body after the front matter ({@code null} counts as empty)
     * @param bodyStartLine the 1-based line of the body's first line in the spec file
     */
    public static SpecRequirements read(String markdownBody, int bodyStartLine) {
        List<RequirementItem> items = new ArrayList<>();
        List<IdFinding> findings = new ArrayList<>();
        Map<RequirementId, Integer> firstLine = new HashMap<>();
        for (Requirement requirement : Requirements.statements("", markdownBody, bodyStartLine)) {
            RequirementItem item = item(requirement.text(), requirement.line(), findings);
            items.add(item);
            if (item.id() != null) {
                Integer first = firstLine.putIfAbsent(item.id(), item.line());
                if (first != null) {
                    findings.add(new IdFinding(IdFinding.Problem.DUPLICATE, item.line(), item.id()
                            + " is already the id of the requirement at line " + first
                            + ": give this one the next free " + item.id().kind() + " number"));
                }
            }
        }
        return new SpecRequirements(items, findings);
    }

    private static RequirementItem item(String text, int line, List<IdFinding> findings) {
        Objects.requireNonNull(text, "text");
        int end = 0;
        while (end < text.length() && text.charAt(end) != ':' && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String token = text.substring(0, end);
        boolean colon = end < text.length() && text.charAt(end) == ':';
        var id = RequirementId.tryParse(token);
        if (id.isPresent() && colon) {
            return new RequirementItem(id.get(), text.substring(end + 1).strip(), line);
        }
        if (id.isPresent()) {
            findings.add(new IdFinding(IdFinding.Problem.MALFORMED, line, "the id " + token
                    + " is followed by a colon: write '" + token + ": ...'"));
        } else if (RequirementId.looksLikeId(token)) {
            findings.add(new IdFinding(IdFinding.Problem.MALFORMED, line, RequirementId.problem(token).orElseThrow()));
        } else {
            findings.add(new IdFinding(IdFinding.Problem.MISSING, line, "this requirement has no id: start it with"
                    + " the next free one, e.g. 'FR-001: ...' ('factory spec ids' adds them)"));
        }
        return new RequirementItem(null, text, line);
    }
}
