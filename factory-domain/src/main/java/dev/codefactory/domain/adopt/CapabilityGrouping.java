package dev.codefactory.domain.adopt;

import java.util.List;

/**
 * Groups what discovery found into candidate capabilities, by module, package and route prefix, ties tests to the
 * surfaces they exercise (by imports and names), attaches documentation, and marks the capabilities existing specs
 * already cover (feature-011, FR-004 to FR-006). Deterministic: the same discovery gives the same plan.
 */
// implements feature-011/FR-005
public final class CapabilityGrouping {
    private CapabilityGrouping() {
    }

    /** The plan for {@code discovery}, with {@code existing} specs marked as covering what they cover. */
    public static AdoptionPlan group(Discovery discovery, List<ExistingSpec> existing) {
        throw new UnsupportedOperationException("skeleton: CapabilityGrouping.group");
    }
}
