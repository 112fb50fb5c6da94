package dev.codefactory.domain.adopt;

import java.util.Optional;

/**
 * Modules from build files: {@code pom.xml}, {@code build.gradle(.kts)}, {@code package.json}, {@code go.mod},
 * {@code pyproject.toml}, {@code setup.cfg}, {@code Cargo.toml}, {@code *.csproj} (feature-011, FR-001). Pure.
 */
// implements feature-011/FR-001
public final class BuildFiles {
    private BuildFiles() {
    }

    /** Whether {@code path} is a build file by its name. */
    public static boolean isBuildFile(String path) {
        throw new UnsupportedOperationException("skeleton: BuildFiles.isBuildFile");
    }

    /** The module {@code text}, the content of the build file at {@code path}, declares; empty when it is none. */
    public static Optional<CodeModule> module(String path, String text) {
        throw new UnsupportedOperationException("skeleton: BuildFiles.module");
    }
}
