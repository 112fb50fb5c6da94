package dev.codefactory.app.archfixture;

import java.io.IOException;
import java.nio.file.Path;

/** File work in the application through a method of {@code Path} itself. */
public class ResolvesARealPath {
    Path real(Path file) throws IOException {
        return file.toRealPath();
    }
}
