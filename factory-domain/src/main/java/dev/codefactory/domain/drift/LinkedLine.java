package dev.codefactory.domain.drift;

import dev.codefactory.domain.trace.RequirementId;
import java.util.Objects;

/**
 * A line of a file that links to one of a spec's requirements (feature-010, FR-006), as drift reads links.
 *
 * @param path        project-relative, {@code /} separators
 * @param line        1-based
 * @param requirement the requirement of the spec it names
 */
public record LinkedLine(String path, int line, RequirementId requirement) {
    public LinkedLine {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(requirement, "requirement");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
    }
}
