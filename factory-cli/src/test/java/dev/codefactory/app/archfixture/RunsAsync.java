package dev.codefactory.app.archfixture;

import java.util.concurrent.CompletableFuture;

/** Work on the common pool's threads: {@code CompletableFuture.runAsync}. */
public class RunsAsync {
    CompletableFuture<Void> run(Runnable work) {
        return CompletableFuture.runAsync(work);
    }
}
