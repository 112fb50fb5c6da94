package dev.codefactory.domain.adopt;

import java.util.Objects;

/**
 * A module of the code base, found from its build file (feature-011, FR-001).
 *
 * @param path      the module's folder relative to the project root ("" for the root)
 * @param name      its name from the build file ({@code artifactId}, {@code name}, the Go module path), else the
 *                  folder's name
 * @param buildFile the build file it was found from, relative to the project root ({@code api/pom.xml})
 * @param language  its main language: {@code Java}, {@code Python}, {@code TypeScript}, {@code Go}, ...
 */
public record CodeModule(String path, String name, String buildFile, String language) {
    public CodeModule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(buildFile, "buildFile");
        Objects.requireNonNull(language, "language");
    }

    /** Whether {@code file} (relative to the project root) is inside this module's folder. */
    public boolean contains(String file) {
        return path.isEmpty() || file.startsWith(path + "/");
    }
}
