package dev.codefactory.app.archfixture;

import java.util.concurrent.ThreadFactory;

/** A thread made by the application outside the composition root through a constructor reference. */
public class RefersToThreadNew {
    Thread make(Runnable work) {
        ThreadFactory threads = Thread::new;
        return threads.newThread(work);
    }
}
