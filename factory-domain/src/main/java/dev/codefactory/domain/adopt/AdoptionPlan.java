package dev.codefactory.domain.adopt;

import java.util.List;
import java.util.Objects;

/**
 * The capabilities adoption proposes, which the person edits (merge, split, drop, rename) before anything is
 * generated (feature-011, FR-005). Immutable: every edit returns a new plan.
 *
 * @param scope        the path adoption was limited to ("" for the whole project)
 * @param modules      the modules found
 * @param capabilities the candidate capabilities, in the order they will be drafted
 */
// implements feature-011/FR-005
public record AdoptionPlan(String scope, List<CodeModule> modules, List<Capability> capabilities) {
    public AdoptionPlan {
        Objects.requireNonNull(scope, "scope");
        modules = List.copyOf(modules);
        capabilities = List.copyOf(capabilities);
    }

    /** The capabilities no existing spec covers: those that will be drafted. */
    public List<Capability> toDraft() {
        return capabilities.stream().filter(c -> !c.covered()).toList();
    }

    /** The capability with this key. */
    public java.util.Optional<Capability> find(String key) {
        return capabilities.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** {@code second} joined into {@code first} (which keeps its key and title). */
    public AdoptionPlan merge(String first, String second) {
        throw new UnsupportedOperationException("skeleton: AdoptionPlan.merge");
    }

    /**
     * The surfaces, tests and docs of {@code key} whose path or route starts with {@code prefix} moved into a new
     * capability titled {@code title}, placed after it.
     */
    public AdoptionPlan split(String key, String prefix, String title) {
        throw new UnsupportedOperationException("skeleton: AdoptionPlan.split");
    }

    /** Without {@code key}. */
    public AdoptionPlan drop(String key) {
        throw new UnsupportedOperationException("skeleton: AdoptionPlan.drop");
    }

    /** {@code key} titled {@code title} (its key stays). */
    public AdoptionPlan rename(String key, String title) {
        throw new UnsupportedOperationException("skeleton: AdoptionPlan.rename");
    }

    /** The plan as JSON ({@code factory adopt --json}, the draft kept for {@code --resume}). */
    public String toJson() {
        throw new UnsupportedOperationException("skeleton: AdoptionPlan.toJson");
    }

    /** The plan {@link #toJson} wrote. */
    public static AdoptionPlan fromJson(String json) {
        throw new UnsupportedOperationException("skeleton: AdoptionPlan.fromJson");
    }
}
