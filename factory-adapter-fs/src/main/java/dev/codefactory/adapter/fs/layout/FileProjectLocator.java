package dev.codefactory.adapter.fs.layout;

import dev.codefactory.port.project.ProjectLocator;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project on the local file system by its folders: {@code contracts/} and {@code .factory/}, or
 * {@code .git}.
 */
// implements feature-002/FR-006
final class FileProjectLocator implements ProjectLocator {

    @Override
    public Path locate(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        for (Path p = dir; p != null; p = p.getParent()) {
            boolean initialised = Files.isDirectory(p.resolve("contracts")) && Files.isDirectory(p.resolve(".factory"));
            if (initialised || Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return dir;
    }
}
