package dev.codefactory.app.archfixture;

/** A thread made by the application outside the composition root: an anonymous subclass of {@code Thread}. */
public class SubclassesThread {
    void start() {
        new Thread() {
            @Override
            public void run() {
            }
        }.start();
    }
}
