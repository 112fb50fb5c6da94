package dev.codefactory.app.archfixture;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** A composition root like {@code CodeFactory}: its default ThreadFactory (a nested class) makes threads. */
public class ComposesTheApplication {
    final ThreadFactory jdk = Executors.defaultThreadFactory();
    final ThreadFactory own = new Daemons();

    static final class Daemons implements ThreadFactory {
        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "fixture");
            thread.setDaemon(true);
            return thread;
        }
    }
}
