package dev.codefactory.domain.adopt;

import java.util.Objects;
import java.util.Set;

/**
 * A spec the project has already, as adoption compares capabilities with it (feature-011, FR-006).
 *
 * @param id          {@code feature-003}
 * @param title       its title
 * @param path        its file, relative to the project root
 * @param linkedPaths the files whose trace links name it ({@code // implements feature-003/FR-001})
 * @param namedPaths  the files its text names (in backticks or links)
 */
public record ExistingSpec(String id, String title, String path, Set<String> linkedPaths, Set<String> namedPaths) {
    public ExistingSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(path, "path");
        linkedPaths = Set.copyOf(linkedPaths);
        namedPaths = Set.copyOf(namedPaths);
    }
}
