package dev.codefactory.domain.trace;

import java.util.Objects;

/**
 * A link where it was found in the workspace (feature-010, FR-006): the requirement, implements or covers, and the
 * file and line that say so.
 *
 * @param ref  the requirement linked to
 * @param kind implements (code) or covers (a test)
 * @param path the file, relative to the working tree, {@code /} separators
 * @param line the 1-based line of the link
 */
public record LinkSite(RequirementRef ref, LinkKind kind, String path, int line) implements Comparable<LinkSite> {
    public LinkSite {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
    }

    /** By path, then line, then requirement, then kind: the order a person reads the files in. */
    @Override
    public int compareTo(LinkSite other) {
        int c = path.compareTo(other.path);
        if (c == 0) {
            c = Integer.compare(line, other.line);
        }
        if (c == 0) {
            c = ref.compareTo(other.ref);
        }
        return c != 0 ? c : kind.compareTo(other.kind);
    }

    /** {@code path:line}. */
    public String location() {
        return path + ":" + line;
    }
}
