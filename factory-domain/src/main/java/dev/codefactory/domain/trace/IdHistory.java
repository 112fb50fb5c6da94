package dev.codefactory.domain.trace;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The requirement ids a spec file had in each committed version, oldest first (feature-010/FR-004): an id a past
 * version had and the current text lacks is retired and never given again; an id that a version lacked after an
 * earlier one had it was deleted, and holding it again is reuse.
 *
 * @param versions the ids of each committed version of the file, oldest first (none without history)
 */
public record IdHistory(List<Set<RequirementId>> versions) {
    /** No history: a new file, or a project outside git. */
    public static final IdHistory NONE = new IdHistory(List.of());

    public IdHistory {
        versions = versions.stream().map(Set::copyOf).toList();
    }

    /** Every id that a committed version had and {@code current} lacks, in order. */
    public Set<RequirementId> retired(Set<RequirementId> current) {
        Objects.requireNonNull(current, "current");
        Set<RequirementId> out = new TreeSet<>();
        versions.forEach(out::addAll);
        out.removeAll(current);
        return out;
    }

    /** The ids that a version lacked after an earlier version had them: deleted once, so retired then. */
    public Set<RequirementId> deleted() {
        Set<RequirementId> seen = new HashSet<>();
        Set<RequirementId> out = new TreeSet<>();
        for (Set<RequirementId> version : versions) {
            for (RequirementId id : seen) {
                if (!version.contains(id)) {
                    out.add(id);
                }
            }
            seen.addAll(version);
        }
        return out;
    }
}
