package dev.codefactory.app.archfixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** File work in the application: {@code java.nio.file.Files}. */
public class ReadsAFile {
    String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
