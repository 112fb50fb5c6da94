package dev.codefactory.domain.adopt;

import java.time.LocalDate;

/**
 * The skeleton spec {@code --offline} writes for a capability: the front matter (status {@code draft}, tags from the
 * module, the author), an overview to write, the evidence lists, and empty requirements for a person to fill in
 * (feature-011, FR-011).
 */
// implements feature-011/FR-011
public final class SpecSkeleton {
    private SpecSkeleton() {
    }

    /** The markdown of the skeleton for {@code capability}, as spec {@code id}. */
    public static String markdown(Capability capability, String id, String author, LocalDate date) {
        throw new UnsupportedOperationException("skeleton: SpecSkeleton.markdown");
    }
}
