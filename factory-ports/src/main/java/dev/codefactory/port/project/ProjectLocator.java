package dev.codefactory.port.project;

import java.nio.file.Path;

/** Finds the project that a command run in some folder works on, before the project is opened. */
public interface ProjectLocator {

    /**
     * The nearest folder, from {@code start} up, that has been initialised ({@code contracts/} and {@code .factory/})
     * or is the top of a git work tree (so a repository nested in another project is its own project);
     * {@code start} itself (absolute, normalised) when there is none.
     */
    Path locate(Path start);
}
