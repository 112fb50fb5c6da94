package dev.codefactory.app.archfixture;

import java.io.IOException;

/** A process started by the application through {@code ProcessBuilder}. */
public class StartsAProcess {
    void run() throws IOException {
        new ProcessBuilder("true").start();
    }
}
