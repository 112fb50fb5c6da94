package dev.codefactory.app.archfixture;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Threads made by the application through {@code Executors}. */
public class UsesAnExecutor {
    void run(Runnable work) {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.execute(work);
        pool.shutdown();
    }
}
