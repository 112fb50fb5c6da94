package dev.codefactory.domain.adopt;

import java.util.List;

/**
 * The evidence of an adopted requirement recorded in the spec itself, under the requirement, so that
 * {@code factory trace} counts it as the requirement's links without touching code (feature-011, FR-010). One line
 * under a requirement:
 * <pre>
 * - FR-001: Owners are listed by last name.
 *   Evidence: implements `src/main/java/org/acme/OwnerController.java:42`, covers `src/test/java/org/acme/OwnerControllerTest.java:30`
 * </pre>
 */
// implements feature-011/FR-010
public final class RecordedEvidence {
    private RecordedEvidence() {
    }

    /** The evidence line for these locations (two spaces of indent, as under a list item). */
    public static String line(List<SourceLocation> implementing, List<SourceLocation> covering) {
        throw new UnsupportedOperationException("skeleton: RecordedEvidence.line");
    }

    /**
     * The evidence recorded in a spec's markdown: one entry per location, with the requirement it is under.
     */
    public static List<Entry> read(String markdown) {
        throw new UnsupportedOperationException("skeleton: RecordedEvidence.read");
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
    }
}
