package dev.codefactory.app.codehost;

import java.time.Duration;

/** Waits; tests pass one that advances a clock instead. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
