package dev.codefactory.cli;

import dev.codefactory.app.config.ConfigException;
import dev.codefactory.domain.FactoryException;
import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.project.ProjectStateException;
import dev.codefactory.domain.project.StorageException;
import dev.codefactory.domain.project.UnsafePathException;
import dev.codefactory.domain.spec.InvalidSpecificationException;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.domain.state.IllegalTransitionException;
import dev.codefactory.port.codehost.CodeHostException;
import dev.codefactory.port.llm.LanguageModelException;
import dev.codefactory.port.vcs.VersionControlException;
import dev.codefactory.web.PortInUseException;

/** The documented exit codes, and the one place that maps failures to them. */
// implements feature-002/FR-003
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int FAILURE = 3;
    public static final int REJECTED = 4;
    /** Ctrl-C: the command stopped at once and said what it kept (128 + SIGINT, as shells report it). */
    public static final int STOPPED = 130;

    /** The text shown under "Exit codes" in every command's help. */
    static final String[] HELP = {
        "0:Success.",
        "1:Problems found: validation errors (the command says which file and line), review findings at the"
            + " --fail-on severity, an intake that saved nothing (quit, a similar spec, a spec that fails its"
            + " checks), a change applied whose tests fail, a trace or drift whose --fail-on condition holds, a rescue that"
            + " leaves something broken, an adoption that wrote no spec.",
        "2:Usage error: unknown command or option, a bad argument, an unknown spec id or configuration key,"
            + " a refused path or status move.",
        "3:Any other failure: not a git repository, not initialised, a file that could not be read or written,"
            + " a malformed configuration file, out of memory, a port already in use (factory serve: choose another"
            + " with --port N, or --port 0 for any free port).",
        "4:The change was rejected, or the model's edits could not be used: nothing was written.",
        "130:Stopped with Ctrl-C: the command said what it kept (an intake's draft, a review's partial report) and"
            + " wrote nothing else; a second Ctrl-C ends it at once."
    };

    private ExitCodes() {
    }

    static int of(Throwable failure) {
        if (failure instanceof dev.codefactory.domain.StopRequestedException) {
            return STOPPED;
        }
        if (failure instanceof InvalidSpecificationException) {
            return FINDINGS;
        }
        if (failure instanceof InvalidCommandException || failure instanceof SpecNotFoundException
                || failure instanceof UnsafePathException || failure instanceof IllegalTransitionException) {
            return USAGE;
        }
        return FAILURE;
    }

    /**
     * The {@code error} word of a failure's JSON object ({@code --json}): what kind of failure it was, for programs
     * to branch on. {@code usage} for the command line's own errors (picocli's) as well, {@code out-of-memory} when
     * the heap ran out ({@link Failures#report}).
     */
    static String errorOf(Throwable failure) {
        if (failure instanceof dev.codefactory.domain.StopRequestedException) {
            return "stopped";
        } else if (failure instanceof InvalidSpecificationException) {
            return "invalid-spec";
        } else if (failure instanceof SpecNotFoundException) {
            return "not-found";
        } else if (failure instanceof InvalidCommandException) {
            return "usage";
        } else if (failure instanceof UnsafePathException) {
            return "unsafe-path";
        } else if (failure instanceof IllegalTransitionException) {
            return "illegal-transition";
        } else if (failure instanceof ProjectStateException) {
            return "project-state";
        } else if (failure instanceof StorageException) {
            return "storage";
        } else if (failure instanceof VersionControlException) {
            return "git";
        } else if (failure instanceof CodeHostException) {
            return "code-host";
        } else if (failure instanceof LanguageModelException) {
            return "model";
        } else if (failure instanceof ConfigException) {
            return "config";
        } else if (failure instanceof PortInUseException) {
            return "port-in-use";
        } else if (failure instanceof FactoryException) {
            return "failed";
        }
        return "internal";
    }
}
