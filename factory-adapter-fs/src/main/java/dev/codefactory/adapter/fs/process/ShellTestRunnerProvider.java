package dev.codefactory.adapter.fs.process;

import dev.codefactory.port.change.TestRunner;
import dev.codefactory.port.change.spi.TestRunnerProvider;
import dev.codefactory.port.spi.ProjectContext;

/** Provides {@link TestRunner} "shell": the project's test command run through the system shell. */
public final class ShellTestRunnerProvider implements TestRunnerProvider {

    /** Does nothing; the work starts in {@link #create(ProjectContext)}. */
    public ShellTestRunnerProvider() {
        // no I/O here: providers are created by ServiceLoader, often only to read their id
    }

    @Override
    public String id() {
        return "shell";
    }

    @Override
    public TestRunner create(ProjectContext context) {
        return new ShellTestRunner();
    }
}
