package dev.codefactory.app.archfixture;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A composition root may make the default ThreadFactory's threads, not a pool. */
public class ComposesTheApplicationBadly {
    final ExecutorService pool = Executors.newCachedThreadPool();
}
