package dev.codefactory.app.archfixture;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** File work in the application through a reference to a method of {@code Path} that leaves the value behind. */
public class RefersToPathToFile {
    List<Object> asFiles(List<Path> paths) {
        Function<Path, Object> toFile = Path::toFile;
        return paths.stream().map(toFile).toList();
    }
}
