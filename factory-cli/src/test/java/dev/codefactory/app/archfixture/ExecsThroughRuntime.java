package dev.codefactory.app.archfixture;

import java.io.IOException;

/** A process started by the application through {@code Runtime.exec}. */
public class ExecsThroughRuntime {
    void run() throws IOException {
        Runtime.getRuntime().exec(new String[] {"true"}).destroy();
    }
}
