package dev.codefactory.domain.adopt;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A candidate capability of the code base: what one spec would describe, with the evidence that shows it
 * (feature-011, FR-005).
 *
 * @param key       stable within its plan, lowercase with hyphens ({@code owners}, {@code api-users}); the person
 *                  names a capability by it when editing the plan
 * @param title     the spec's title to be ({@code Owners})
 * @param module    the module's name ("" for none)
 * @param tags      the spec's tags to be (from the module and language)
 * @param surfaces  the surfaces it groups
 * @param tests     the tests tied to them (FR-004)
 * @param docs      documentation about it
 * @param coveredBy the id of the existing spec that already covers it ({@code feature-003}), or "" (FR-006)
 */
public record Capability(String key, String title, String module, List<String> tags, List<Surface> surfaces,
                         List<TestCase> tests, List<DocEvidence> docs, String coveredBy) {
    public Capability {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        module = module == null ? "" : module;
        tags = List.copyOf(tags);
        surfaces = List.copyOf(surfaces);
        tests = List.copyOf(tests);
        docs = List.copyOf(docs);
        coveredBy = coveredBy == null ? "" : coveredBy;
    }

    /** Whether an existing spec covers it already. */
    public boolean covered() {
        return !coveredBy.isEmpty();
    }

    /** The files of its surfaces and tests, sorted, each once. */
    public List<String> paths() {
        return List.copyOf(Stream.concat(surfaces.stream().map(s -> s.at().path()),
                        tests.stream().map(t -> t.at().path()))
                .collect(TreeSet::new, TreeSet::add, TreeSet::addAll));
    }
}
