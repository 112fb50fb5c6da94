package dev.codefactory.domain.archfixture;

import java.nio.file.Files;
import java.nio.file.Path;

/** File work in the domain: {@code Files.exists}. A test class, imported only by {@code ArchitectureRulesTest}. */
public class ChecksAFileExists {
    boolean exists(Path file) {
        return Files.exists(file);
    }
}
