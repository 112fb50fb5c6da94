package dev.codefactory.cli;

import dev.codefactory.domain.InvalidCommandException;
import dev.codefactory.domain.project.UnsafePathException;
import dev.codefactory.domain.spec.InvalidSpecificationException;
import dev.codefactory.domain.spec.SpecNotFoundException;
import dev.codefactory.domain.state.IllegalTransitionException;

/** The documented exit codes, and the one place that maps failures to them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int FAILURE = 3;
    public static final int REJECTED = 4;

    /** The text shown under "Exit codes" in every command's help. */
    static final String[] HELP = {
        "0:Success.",
        "1:Problems found: validation errors (the command says which file and line), review findings at the"
            + " --fail-on severity, an intake not saved (a similar spec, or a spec that fails its checks), a change"
            + " applied whose tests fail.",
        "2:Usage error: unknown command or option, a bad argument, an unknown spec id or configuration key,"
            + " a refused path or status move.",
        "3:Any other failure: not a git repository, not initialised, a file that could not be read or written,"
            + " a malformed configuration file.",
        "4:The change was rejected or stopped, or the model's edits could not be used: nothing was written."
    };

    private ExitCodes() {
    }

    static int of(Throwable failure) {
        if (failure instanceof InvalidSpecificationException) {
            return FINDINGS;
        }
        if (failure instanceof InvalidCommandException || failure instanceof SpecNotFoundException
                || failure instanceof UnsafePathException || failure instanceof IllegalTransitionException) {
            return USAGE;
        }
        return FAILURE;
    }
}
