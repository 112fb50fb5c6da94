package dev.codefactory.domain.drift;

/** Where a spec stands against the code it was last reconciled with (feature-010, FR-011, FR-012, FR-013). */
public enum DriftStatus {
    /** The spec has no {@code reconciled} commit: never implemented, found compliant or changed by a change order. */
    NEVER_RECONCILED("never reconciled", false),
    /** Neither its linked or matched files nor its requirements changed since the reconciled commit. */
    IN_SYNC("in sync", false),
    /** Its linked or matched files changed since, its requirements did not. */
    CODE_CHANGED("code changed", true),
    /** Its requirements changed since, its linked and matched files did not: drift the other way (FR-012). */
    SPEC_CHANGED("spec changed", true),
    /** Both changed since. */
    BOTH_CHANGED("code and spec changed", true),
    /** The reconciled commit is not in the repository (history rewritten, a shallow clone): see the row's finding. */
    COMMIT_MISSING("reconciled commit missing", false);

    private final String label;
    private final boolean drift;

    DriftStatus(String label, boolean drift) {
        this.label = label;
        this.drift = drift;
    }

    /** How a person reads it, also the {@code status} of the JSON. */
    public String label() {
        return label;
    }

    /** True for drift in either direction: what {@code --fail-on drift} fails on. */
    public boolean drift() {
        return drift;
    }
}
