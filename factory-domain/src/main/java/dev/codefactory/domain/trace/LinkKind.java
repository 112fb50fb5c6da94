package dev.codefactory.domain.trace;

/** What a link says about a requirement (feature-010, FR-006): code implements it, a test covers it. */
// implements feature-010/FR-006
public enum LinkKind {
    /** {@code implements} {@code feature-010/FR-003}: this code implements the requirement. */
    IMPLEMENTS("implements"),
    /** {@code covers} {@code feature-010/FR-003} or a JUnit {@code @Tag("feature-010/FR-003")}: this test covers it. */
    COVERS("covers");

    private final String word;

    LinkKind(String word) {
        this.word = word;
    }

    /** The word that starts the link in a line: {@code implements} or {@code covers}. */
    public String word() {
        return word;
    }
}
