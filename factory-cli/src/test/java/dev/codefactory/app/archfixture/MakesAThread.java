package dev.codefactory.app.archfixture;

/** A thread made by the application outside the composition root: {@code new Thread}. */
public class MakesAThread {
    void start(Runnable work) {
        new Thread(work, "fixture").start();
    }
}
