package dev.codefactory.adapter.git;

import java.util.ServiceLoader;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Keeps JGit's logging from printing when the application has chosen no logging: JGit logs through SLF4J, and SLF4J
 * with no provider (binding) on the class path prints three "No SLF4J providers were found" lines to stderr the
 * first time JGit asks it for a logger. A library prints nothing by itself, so before the first JGit call this sets
 * SLF4J's own diagnostics ({@code slf4j.internal.verbosity}) to errors only, and only when that would change nothing
 * else: no SLF4J provider is visible, none is named by {@code slf4j.provider}, and the application set no verbosity.
 * With a provider (logback, slf4j-simple, slf4j-nop) SLF4J is left entirely alone and JGit logs through it.
 * <p>
 * This is the adapter's one write to process-wide state, chosen over the alternatives: a binding in a library
 * would fight the application's own, and muting stderr is worse.
 */
// implements feature-009/FR-003
final class QuietLogging {
    static final String VERBOSITY = "slf4j.internal.verbosity";
    private static final java.util.concurrent.atomic.AtomicBoolean CHECKED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private QuietLogging() {
    }

    /** Call before the first use of JGit in a call path; cheap after the first time. */
    static synchronized void beforeJGit() {
        if (CHECKED.getAndSet(true)) {
            return; // SLF4J reads the property once, when JGit first asks it for a logger
        }
        if (System.getProperty(VERBOSITY) != null || System.getProperty("slf4j.provider") != null) {
            return;
        }
        if (hasProvider(Thread.currentThread().getContextClassLoader())
                || hasProvider(QuietLogging.class.getClassLoader())) {
            return;
        }
        System.setProperty(VERBOSITY, "ERROR");
    }

    private static boolean hasProvider(ClassLoader loader) {
        try {
            return ServiceLoader.load(SLF4JServiceProvider.class, loader).stream().findAny().isPresent();
        } catch (java.util.ServiceConfigurationError e) {
            return true; // a broken provider jar: SLF4J will say so, and that is worth seeing
        }
    }
}
