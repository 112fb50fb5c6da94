package dev.codefactory.standard;

import java.util.List;

/**
 * The marker of the {@code factory-standard} artifact, which holds no code of its own: depending on it brings the
 * library ({@code factory-app}) and every standard adapter, found at run time through {@code ServiceLoader}.
 */
// implements feature-009/FR-001
public final class FactoryStandard {
    /** What depending on {@code dev.codefactory:factory-standard} brings, as artifact ids of group {@code dev.codefactory}. */
    public static final List<String> ARTIFACTS = List.of("factory-app", "factory-adapter-fs", "factory-adapter-git",
            "factory-adapter-github", "factory-adapter-llm", "factory-adapter-java");

    private FactoryStandard() {
    }
}
