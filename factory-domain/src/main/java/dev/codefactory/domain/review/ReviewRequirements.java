package dev.codefactory.domain.review;

import dev.codefactory.domain.spec.Requirement;
import dev.codefactory.domain.spec.Requirements;
import dev.codefactory.domain.trace.RequirementId;
import dev.codefactory.domain.trace.RequirementItem;
import dev.codefactory.domain.trace.SpecRequirements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The requirements a REVIEW judges, named by their stable ids (feature-010/FR-005): a requirement that starts with
 * its id ({@code - FR-001: text}) is {@code FR-001}, its text the statement after the id (so the model is not shown
 * the id twice); one without an id (a spec without ids, an acceptance criterion, a malformed or repeated id) keeps
 * its positional number {@code R<n>}, {@code n} its place among all the spec's requirements. The two forms cannot
 * collide: a stable id is {@code FR-}/{@code NFR-} and digits, a positional one {@code R} and digits. A repeated id
 * names only its first requirement; the later ones keep their positional numbers (validation reports the repeat).
 *
 * <p>{@link Requirements#of} reads what a requirement is; the ids are read by {@link SpecRequirements}, which
 * depends on the spec package and so cannot be called from it.
 */
// implements feature-010/FR-005
public final class ReviewRequirements {
    private ReviewRequirements() {
    }

    /**
     * {@code positional} (as {@link Requirements#of} numbers them, {@code R1}, {@code R2}, ...) with each stable id
     * read from {@code specText} put in place of its number.
     *
     * @param positional the spec's requirements, statements and acceptance criteria, as read from its body
     * @param specText   the spec file's whole text (front matter included), so that lines are the file's lines
     */
    public static List<Requirement> named(List<Requirement> positional, String specText) {
        Objects.requireNonNull(positional, "positional");
        Map<Integer, RequirementItem> byLine = new HashMap<>();
        for (RequirementItem item : SpecRequirements.read(specText, 1).items()) {
            byLine.put(item.line(), item);
        }
        Set<RequirementId> taken = new HashSet<>();
        List<Requirement> out = new ArrayList<>(positional.size());
        for (Requirement r : positional) {
            RequirementItem item = byLine.get(r.line());
            if (item != null && item.id() != null && taken.add(item.id()) && !item.text().isEmpty()) {
                out.add(new Requirement(r.specId(), item.id().toString(), item.text(), r.line()));
            } else {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }
}
