package dev.codefactory.app.archfixture;

import java.io.FileInputStream;
import java.io.IOException;

/** File work in the application: a {@code java.io} file stream. */
public class OpensAFileStream {
    int firstByte(String name) throws IOException {
        try (FileInputStream in = new FileInputStream(name)) {
            return in.read();
        }
    }
}
